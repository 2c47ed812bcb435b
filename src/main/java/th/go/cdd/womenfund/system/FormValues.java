package th.go.cdd.womenfund.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What a Camunda form sent, read the one way every process step needs it. */
public final class FormValues {

  private FormValues() {}

  /**
   * Any value a form may send (text, number, boolean) as text, or null; a whole number the form
   * sent as a floating-point value ("5.0") without its spurious ".0".
   */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }
}
