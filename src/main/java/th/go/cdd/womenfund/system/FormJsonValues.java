package th.go.cdd.womenfund.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.type.PrimitiveValueTypeImpl;
import org.camunda.bpm.engine.variable.impl.value.PrimitiveTypeValueImpl;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Lets the engine keep what a Camunda Form's dynamic list submits. Tasklist sends a list (the rows
 * of a {@code dynamiclist}) as a variable of type {@code Json} with the JSON text as its value;
 * that type comes with Camunda Spin, which this application does not use, so the REST API would
 * refuse the form ("Unsupported value type 'Json'"). This plugin adds a {@code json} value type
 * whose value is the JSON text itself ({@link String}), stored as bytes (no 4,000-character limit).
 * Tasklist reads it back as {@code Json} and parses it, so a task form shows its rows again.
 * Services read the text and parse it themselves: nothing is deserialised into objects by the
 * engine.
 */
@Component
public class FormJsonValues extends AbstractProcessEnginePlugin {

  /** The value type's name, as the engine stores it and the REST API names it ("Json"). */
  public static final String TYPE_NAME = "json";

  /** The type of a form's JSON value. */
  public static final JsonType TYPE = new JsonType();

  /** A JSON value as a form would send it (the JSON text); for tests and services. */
  public static PrimitiveValue<String> value(String json) {
    return new PrimitiveTypeValueImpl<>(json, TYPE);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(new Serializer());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getValueTypeResolver().addType(TYPE);
  }

  /** {@code json}: a JSON text. */
  public static final class JsonType extends PrimitiveValueTypeImpl {
    private static final long serialVersionUID = 1L;

    JsonType() {
      super(TYPE_NAME, String.class);
    }

    @Override
    public TypedValue createValue(Object value, Map<String, Object> valueInfo) {
      return value(value == null ? null : value.toString());
    }
  }

  /** Stores the JSON text as UTF-8 bytes; takes only values typed {@code json}. */
  static final class Serializer extends PrimitiveValueSerializer<PrimitiveValue<String>> {

    Serializer() {
      super(TYPE);
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value.getType() instanceof JsonType;
    }

    @Override
    public PrimitiveValue<String> convertToTypedValue(UntypedValueImpl untypedValue) {
      Object v = untypedValue.getValue();
      return value(v == null ? null : v.toString());
    }

    @Override
    public void writeValue(PrimitiveValue<String> value, ValueFields fields) {
      String json = value.getValue();
      fields.setByteArrayValue(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public PrimitiveValue<String> readValue(ValueFields fields, boolean asTransientValue) {
      byte[] bytes = fields.getByteArrayValue();
      return value(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
