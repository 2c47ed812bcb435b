package th.go.cdd.womenfund.budget;

/** The bases on which a province splits its subsidy budget among its districts (seed item 4.1). */
public enum AllocationBasis {
  SUB_DISTRICTS("ตามจำนวนตำบล"),
  MEMBERS("ตามจำนวนสมาชิกกองทุน"),
  /** Lower overdue-debt ratio, larger share: each district weighs (100 − its overdue %). */
  OVERDUE("ตามอัตราร้อยละหนี้เกินกำหนดชำระ (อำเภอที่หนี้ค้างน้อยได้มากกว่า)"),
  WEIGHTED("ผสมหลายฐานตามน้ำหนัก");

  private final String thai;

  AllocationBasis(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }
}
