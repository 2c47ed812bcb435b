package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.BorrowerRow;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.FormJsonValues;
import th.go.cdd.womenfund.system.RefusedInputException;

/**
 * Borrowers as rows (issue 17, item 1): the forms send a dynamic list of rows (national ID, amount,
 * the family's acknowledgement); each row's woman is taken from the district's member register
 * (name, birth date, residence), and every refusal names the row and the field in Thai.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class BorrowerRowsTest extends BorrowersAreMembersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired LoanApplicationParser parser;

  /** Five members of แหลมงอบ's register and an application keyed as rows of them. */
  Map<String, Object> rowsApplication(int n, List<String> ids) throws Exception {
    Map<String, Object> vars = application(n);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String id : ids) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put(BorrowerRow.NATIONAL_ID, id);
      row.put(BorrowerRow.AMOUNT, "10000");
      row.put(BorrowerRow.ACK_RELATION, "คู่สมรส");
      row.put(BorrowerRow.ACK_NAME, "นายทดสอบ รับทราบ");
      row.put(BorrowerRow.ACK_DATE, "13/11/2569");
      rows.add(row);
    }
    vars.remove(Var.BORROWERS);
    vars.remove(Var.FAMILY_ACKNOWLEDGEMENTS);
    vars.put(Var.BORROWER_ROWS, FormJsonValues.value(JSON.writeValueAsString(rows)));
    vars.put(Var.REQUESTED_AMOUNT, String.valueOf(10_000 * ids.size()));
    return vars;
  }

  List<String> members(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = newId();
      register(id, SUB_DISTRICT, LAEM_NGOP, day(-30));
      ids.add(id);
    }
    return ids;
  }

  @Test
  void rowsOfRegisteredMembersStartTheApplicationWithTheirNamesFromTheRegister() throws Exception {
    ProcessInstance pi = start(rowsApplication(201, members(5)));

    String summary =
        (String) engine.getRuntimeService().getVariable(pi.getId(), Var.APPLICATION_SUMMARY);
    assertThat(summary).contains("นางทดสอบ สมาชิกก่อนกู้");
    // the rows stay a form value (Tasklist shows them again in the fix form)
    assertThat(
            engine
                .getRuntimeService()
                .getVariableTyped(pi.getId(), Var.BORROWER_ROWS)
                .getType()
                .getName())
        .isEqualTo(FormJsonValues.TYPE_NAME);
    // history keeps no full national ID of the rows
    byte[] history =
        jdbc.sql(
                "select b.BYTES_ from ACT_HI_VARINST v join ACT_GE_BYTEARRAY b on b.ID_ ="
                    + " v.BYTEARRAY_ID_ where v.PROC_INST_ID_ = ? and v.NAME_ = ?")
            .params(pi.getId(), Var.BORROWER_ROWS)
            .query(byte[].class)
            .single();
    assertThat(new String(history, java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContainPattern("\\d{13}");
  }

  @Test
  void aWomanWhoIsNotInTheDistrictsRegisterIsRefusedNamingHerRow() throws Exception {
    List<String> ids = new ArrayList<>(members(5));
    String stranger = newId(); // in no register
    String elsewhere = newId(); // a member of เมืองตราด
    register(elsewhere, "230101", MUEANG_TRAT, day(-30));
    ids.set(2, stranger);
    ids.set(4, elsewhere);
    Map<String, Object> vars = rowsApplication(202, ids);

    assertThatThrownBy(() -> start(vars))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("แถวที่ 3 เลขประจำตัวประชาชน")
        .hasMessageContaining("แถวที่ 5 เลขประจำตัวประชาชน")
        .hasMessageContaining("ไม่เป็นสมาชิกในทะเบียนสมาชิกกองทุนของอำเภอแหลมงอบ")
        .hasMessageNotContaining("แถวที่ 1 ");
  }

  @Test
  void everyBadFieldIsNamedWithItsRow() throws Exception {
    List<String> ids = members(5);
    Map<String, Object> vars = rowsApplication(203, ids);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> rows =
        JSON.readValue(
            ((org.camunda.bpm.engine.variable.value.TypedValue) vars.get(Var.BORROWER_ROWS))
                .getValue()
                .toString(),
            List.class);
    rows.get(1).put(BorrowerRow.NATIONAL_ID, ids.get(0)); // twice
    rows.get(2).put(BorrowerRow.AMOUNT, "สามหมื่น");
    rows.get(3).put(BorrowerRow.ACK_RELATION, "เพื่อน");
    rows.get(4).put(BorrowerRow.ACK_DATE, "13/11/2026");
    rows.get(0).put(BorrowerRow.NATIONAL_ID, ids.get(0));
    rows.add(new HashMap<>(Map.of(BorrowerRow.NATIONAL_ID, ""))); // a blank row is dropped
    LoanApplicationInput in =
        new LoanApplicationInput(
            "กลุ่ม",
            SUB_DISTRICT,
            "นางผู้ประสาน งาน",
            "a@b.example",
            null,
            "ทอผ้า",
            "HANDICRAFT",
            "50000",
            "12",
            "MONTHLY",
            null,
            null,
            true,
            JSON.writeValueAsString(rows));

    assertThatThrownBy(() -> parser.parse(in, day(0)))
        .hasMessageContaining("แถวที่ 2 เลขประจำตัวประชาชน:")
        .hasMessageContaining("ซ้ำกับผู้กู้แถวที่ 1")
        .hasMessageContaining("แถวที่ 3 จำนวนเงินกู้:")
        .hasMessageContaining("แถวที่ 4 ความสัมพันธ์ของผู้รับทราบ:")
        .hasMessageContaining("แถวที่ 5 วันที่รับทราบ:")
        .hasMessageNotContaining("แถวที่ 1 เลข")
        .hasMessageNotContaining("แถวที่ 6");
    assertThat(rows).hasSize(6);
  }

  @Test
  void rowsThatAreNotAListAreRefusedInThai() {
    LoanApplicationInput in =
        new LoanApplicationInput(
            "กลุ่ม",
            SUB_DISTRICT,
            "นางผู้ประสาน งาน",
            "a@b.example",
            null,
            "ทอผ้า",
            "HANDICRAFT",
            "50000",
            "12",
            "MONTHLY",
            null,
            null,
            true,
            "{\"nationalId\": [1,2]");
    assertThatThrownBy(() -> parser.parse(in, day(0)))
        .hasMessageContaining("รายชื่อผู้กู้ (แถว): ข้อมูลไม่ถูกต้อง");
  }
}
