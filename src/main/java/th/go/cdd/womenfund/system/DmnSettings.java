package th.go.cdd.womenfund.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code womenfund.dmn.*}. {@code parsed-feel-cache} (default on): the engine's DMN engine and the screening
 * tables' own ({@link RuleTables}) parse each FEEL text once ({@link ParsedFeelCache}); {@code false} leaves
 * Camunda's own. One record, so the two DMN engines cannot be told different things.
 */
@ConfigurationProperties("womenfund.dmn")
public record DmnSettings(@DefaultValue("true") boolean parsedFeelCache) {}
