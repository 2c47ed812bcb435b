package th.go.cdd.womenfund.system;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What to tell a person whose address carries a mistyped or missing parameter ({@code ?year=xx},
 * {@code ?code=2}, a path {@code /rounds/RS-x/...}): the parameter, what was sent and what is
 * expected, in Thai. One wording for the pages ({@link ThaiPages}) and the API ({@link ApiErrors}).
 */
public final class MistypedParameters {

  private MistypedParameters() {}

  /** The parameter the person mistyped, when the exception names one. */
  public static String parameter(Exception e) {
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return m.getName();
    }
    if (e instanceof TypeMismatchException t) {
      return t.getPropertyName();
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return m.getParameterName();
    }
    return null;
  }

  public static String message(Exception e) {
    if (e instanceof TypeMismatchException t) {
      String name = parameter(e);
      String value = t.getValue() == null ? "" : String.valueOf(t.getValue());
      if (value.length() > 40) {
        value = value.substring(0, 40) + "…";
      }
      return "ค่า \""
          + value
          + "\""
          + (name == null ? "" : " ของ " + name)
          + " ไม่ถูกต้อง: "
          + expected(t.getRequiredType());
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return "กรุณาระบุ "
          + m.getParameterName()
          + " ในที่อยู่ของหน้า (เช่น ?"
          + m.getParameterName()
          + "=…)";
    }
    if (e instanceof DateTimeException) {
      return "วันที่ไม่ถูกต้อง: กรุณาใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 28/11/2569";
    }
    if (e instanceof NumberFormatException) {
      return "ตัวเลขไม่ถูกต้อง: กรุณาใช้ตัวเลขอารบิก (0-9)";
    }
    return "ข้อมูลในที่อยู่ของหน้าไม่ถูกต้อง";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "กรุณาตรวจสอบแล้วส่งใหม่";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class) {
      return "ต้องเป็นตัวเลขจำนวนเต็ม (0-9)";
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
      return "ต้องเป็นตัวเลข เช่น 1500.00";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "ต้องเป็น true หรือ false";
    }
    if (type == LocalDate.class) {
      return "ต้องเป็นวันที่ เช่น 28/11/2569";
    }
    return "กรุณาตรวจสอบแล้วส่งใหม่";
  }
}
