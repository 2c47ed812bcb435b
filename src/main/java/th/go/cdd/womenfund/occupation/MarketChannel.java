package th.go.cdd.womenfund.occupation;

/** Where a women's group sells (seed 4.3 and 5.1(3)): the market channels the fund promotes. */
public enum MarketChannel {
  LOCAL_MARKET("ตลาดในชุมชน"),
  FAIR("งานแสดงสินค้า"),
  ONLINE("ออนไลน์"),
  PROVINCE_EVENT("งานของจังหวัด");

  private final String labelTh;

  MarketChannel(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
