package th.go.cdd.womenfund.repayment;

import java.util.List;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.NotYourAreaException;

/**
 * Who may act on a loan: the district's officers for their district's loans, the province's
 * officers for the province's loans (bank statements arrive at the province), an admin for all.
 * {@code null} is the system itself (the nightly job, the risk-cover settlement), which may.
 */
public final class AreaAccess {

  private AreaAccess() {}

  public static boolean mayRecordPayment(Actor actor, RepaymentLoan loan) {
    return actor == null
        || actor.isAdmin()
        || actor.groups().contains(Roles.districtOfficers(loan.districtCode()))
        || actor.groups().contains(Roles.provinceOfficers(loan.provinceCode()));
  }

  /** Reading a loan's balance: any group of its district or province. */
  public static boolean mayRead(Actor actor, String districtCode, String provinceCode) {
    if (actor == null || actor.isAdmin()) {
      return true;
    }
    List<String> g = actor.groups();
    return g.contains(Roles.districtOfficers(districtCode))
        || g.contains(Roles.districtCommittee(districtCode))
        || g.contains(Roles.provinceOfficers(provinceCode))
        || g.contains(Roles.provinceCommittee(provinceCode))
        || g.contains(Roles.provinceSupervisors(provinceCode));
  }

  public static void requireRecord(Actor actor, RepaymentLoan loan) {
    if (!mayRecordPayment(actor, loan)) {
      throw new NotYourAreaException(
          "ท่านไม่มีสิทธิ์บันทึกการชำระหนี้ของ"
              + loan.label()
              + ": เฉพาะเจ้าหน้าที่พัฒนาชุมชนอำเภอหรือจังหวัดของสัญญานั้นเท่านั้น");
    }
  }

  /**
   * The loan with this id, if the person may read it; otherwise one refusal (403) that is the same
   * whether the loan does not exist or belongs to another area, and names nothing of it (no
   * contract number, no district).
   */
  public static RepaymentLoan readable(Actor actor, PaymentService payments, long loanId) {
    RepaymentLoan loan = payments.findLoan(loanId).orElse(null);
    if (loan == null || !mayRead(actor, loan.districtCode(), loan.provinceCode())) {
      throw new NotYourAreaException(
          "ไม่พบสัญญาเงินกู้รหัส "
              + loanId
              + " หรือท่านไม่มีสิทธิ์ดูข้อมูลของสัญญานี้"
              + ": ท่านดูได้เฉพาะสัญญาในอำเภอหรือจังหวัดของท่าน");
    }
    return loan;
  }

  /** As {@link #readable}, for recording a payment on the loan with this id. */
  public static RepaymentLoan recordable(Actor actor, PaymentService payments, long loanId) {
    RepaymentLoan loan = payments.findLoan(loanId).orElse(null);
    if (loan == null || !mayRecordPayment(actor, loan)) {
      throw new NotYourAreaException(
          "ไม่พบสัญญาเงินกู้รหัส "
              + loanId
              + " หรือท่านไม่มีสิทธิ์บันทึกการชำระหนี้ของสัญญานี้"
              + ": เฉพาะเจ้าหน้าที่พัฒนาชุมชนอำเภอหรือจังหวัดของสัญญานั้นเท่านั้น");
    }
    return loan;
  }

  public static void requireRead(Actor actor, RepaymentLoan loan) {
    if (!mayRead(actor, loan.districtCode(), loan.provinceCode())) {
      throw new NotYourAreaException(
          "ท่านไม่มีสิทธิ์ดูข้อมูลของ" + loan.label() + ": สัญญานี้อยู่นอกอำเภอหรือจังหวัดของท่าน");
    }
  }
}
