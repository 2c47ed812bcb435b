package th.go.cdd.womenfund.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of server-rendered Thai pages: its refusals are shown as a Thai error page
 * ({@link ThaiPages}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ThaiPage {}
