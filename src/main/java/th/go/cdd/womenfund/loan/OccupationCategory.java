package th.go.cdd.womenfund.loan;

/** ประเภทอาชีพของโครงการ (seed 4.3: promote the occupations of the groups that borrow). */
public enum OccupationCategory {
  AGRICULTURE("เกษตรกรรม"),
  LIVESTOCK("ปศุสัตว์"),
  FISHERY("ประมง"),
  HANDICRAFT("หัตถกรรม"),
  FOOD_PROCESSING("แปรรูปอาหาร"),
  TRADE("ค้าขาย"),
  SERVICE("บริการ"),
  OTHER("อื่น ๆ");

  private final String labelTh;

  OccupationCategory(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
