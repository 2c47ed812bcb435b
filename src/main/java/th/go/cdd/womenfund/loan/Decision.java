package th.go.cdd.womenfund.loan;

/** A committee's decision on an application; the value is what the forms submit. */
public enum Decision {
  APPROVE("อนุมัติ/เห็นชอบ"),
  RETURN("ส่งกลับให้แก้ไข"),
  REJECT("ไม่อนุมัติ");

  private final String labelTh;

  Decision(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
