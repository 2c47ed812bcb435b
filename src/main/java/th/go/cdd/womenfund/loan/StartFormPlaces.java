package th.go.cdd.womenfund.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;

/**
 * The group's place in the loan application's start form, as choices for the officer who opens it.
 * Tasklist renders a start form with no data (there is no process yet), so a select that takes its
 * options from data ({@code valuesKey}) would stay empty; instead the form, as the REST API hands
 * it to this officer ({@link StartFormPlacesFilter}), carries the options itself:
 *
 * <ul>
 *   <li>an officer of one district chooses among its sub-districts (Thai names);
 *   <li>an officer of several districts chooses the district, then one of its sub-districts (a FEEL
 *       {@code valuesExpression} keyed by the chosen district);
 *   <li>an administrator, who belongs to no district, types the 6-digit code as before.
 * </ul>
 *
 * The fix task's form ({@link #FIX_FORM_ID}) gets the same choices; it has no district field, so an
 * officer of several districts chooses among all their sub-districts, each labelled with its
 * district. The stored value is one of the options, so the select shows it when the task is
 * re-opened.
 *
 * <p>The submitted value is still the sub-district code under {@link Var#SUB_DISTRICT_CODE}, and
 * the server still checks it (it exists, and it lies in a district the officer may register for): a
 * choice is a convenience, not a rule. The deployed form file keeps {@code valuesKey} placeholders
 * and the hidden district field.
 */
@Component
public class StartFormPlaces {

  /** The start form, whose places are filled in. */
  public static final String FORM_ID = "loan-application-start";

  /**
   * The fix task's form (issue 17): the same place as choices, but no district field, so an officer
   * of several districts chooses among all their sub-districts at once.
   */
  public static final String FIX_FORM_ID = "loan-fix-application";

  private static final java.util.Set<String> FORM_IDS = java.util.Set.of(FORM_ID, FIX_FORM_ID);

  /**
   * The district choice (shown only to an officer of several districts); never read by the
   * application.
   */
  public static final String DISTRICT_FIELD = "groupDistrictCode";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AreaRepository areas;

  public StartFormPlaces(AreaRepository areas) {
    this.areas = areas;
  }

  /**
   * The districts whose applications this person registers: those of her district-officer groups.
   */
  public List<District> districtsOf(Actor actor) {
    List<District> districts = new ArrayList<>();
    for (String group : actor.groups()) {
      Roles.districtOfOfficers(group).flatMap(areas::district).ifPresent(districts::add);
    }
    return districts;
  }

  /**
   * This form with the places this person may choose; any other form (or what is not a form)
   * unchanged.
   */
  public byte[] forPerson(byte[] form, Actor actor) throws IOException {
    JsonNode root = JSON.readTree(form);
    if (root == null
        || !FORM_IDS.contains(root.path("id").asText())
        || !root.path("components").isArray()) {
      return form;
    }
    ArrayNode components = (ArrayNode) root.path("components");
    ObjectNode subDistrict = field(components, Var.SUB_DISTRICT_CODE);
    ObjectNode district = field(components, DISTRICT_FIELD);
    if (subDistrict == null) {
      return form;
    }
    List<District> districts = actor == null ? List.of() : districtsOf(actor);
    if (district != null) {
      district.remove("valuesKey");
      district.set("values", JSON.createArrayNode());
    }
    subDistrict.remove("valuesKey");
    if (districts.isEmpty() && actor != null && actor.isAdmin()) {
      subDistrict.put("type", "textfield");
      subDistrict.remove("searchable");
      subDistrict.put("label", "รหัสตำบลที่ตั้งกลุ่ม (6 หลัก)");
      subDistrict.put(
          "description",
          "ผู้ดูแลระบบไม่ได้สังกัดอำเภอ: กรอกรหัสตำบลตามทะเบียนเขตการปกครอง เช่น 230507");
    } else if (districts.size() <= 1) {
      List<SubDistrict> places =
          districts.isEmpty() ? List.of() : areas.subDistrictsOf(districts.get(0).code());
      subDistrict.set("values", options(places));
      if (districts.isEmpty()) {
        subDistrict.put(
            "description",
            "บัญชีนี้ไม่ได้สังกัดสำนักงานพัฒนาชุมชนอำเภอ: คำขอกู้ยื่นได้เฉพาะเจ้าหน้าที่อำเภอ");
      } else {
        subDistrict.put(
            "description",
            "ตำบลในอำเภอ" + districts.get(0).nameTh() + " (พิมพ์ชื่อตำบลเพื่อค้นหา)");
      }
    } else if (district == null) {
      ArrayNode values = JSON.createArrayNode();
      for (District d : districts) {
        for (SubDistrict s : areas.subDistrictsOf(d.code())) {
          values
              .addObject()
              .put("label", s.nameTh() + " อำเภอ" + d.nameTh())
              .put("value", s.code());
        }
      }
      subDistrict.set("values", values);
      subDistrict.put("description", "ตำบลในอำเภอของท่าน (พิมพ์ชื่อตำบลหรืออำเภอเพื่อค้นหา)");
    } else {
      ArrayNode districtOptions = JSON.createArrayNode();
      StringBuilder byDistrict = new StringBuilder("{");
      for (District d : districts) {
        districtOptions.addObject().put("label", d.nameTh()).put("value", d.code());
        if (byDistrict.length() > 1) {
          byDistrict.append(", ");
        }
        byDistrict.append(feelString(d.code())).append(": [");
        List<SubDistrict> places = areas.subDistrictsOf(d.code());
        for (int i = 0; i < places.size(); i++) {
          byDistrict
              .append(i == 0 ? "" : ", ")
              .append("{label: ")
              .append(feelString(places.get(i).nameTh()))
              .append(", value: ")
              .append(feelString(places.get(i).code()))
              .append('}');
        }
        byDistrict.append(']');
      }
      byDistrict.append('}');
      district.remove("conditional");
      district.set("values", districtOptions);
      district.set("validate", JSON.createObjectNode().put("required", true));
      subDistrict.put("valuesExpression", "=get value(" + byDistrict + ", " + DISTRICT_FIELD + ")");
      subDistrict.put("description", "เลือกอำเภอก่อน แล้วจึงเลือกตำบลของอำเภอนั้น");
    }
    return JSON.writeValueAsBytes(root);
  }

  private static ArrayNode options(List<SubDistrict> places) {
    ArrayNode values = JSON.createArrayNode();
    for (SubDistrict s : places) {
      values.addObject().put("label", s.nameTh()).put("value", s.code());
    }
    return values;
  }

  private static ObjectNode field(ArrayNode components, String key) {
    for (JsonNode c : components) {
      if (c instanceof ObjectNode o && key.equals(o.path("key").asText())) {
        return o;
      }
    }
    return null;
  }

  private static String feelString(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
