package th.go.cdd.womenfund.membership;

/** Kinds of fund members. */
public enum MemberType {
  /** สมาชิกประเภทบุคคลธรรมดา. */
  INDIVIDUAL("สมาชิกประเภทบุคคลธรรมดา"),
  /** องค์กรสตรี. */
  ORGANISATION("องค์กรสตรี");

  private final String thai;

  MemberType(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }
}
