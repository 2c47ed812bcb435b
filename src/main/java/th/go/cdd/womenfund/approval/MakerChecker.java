package th.go.cdd.womenfund.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.approval.ApprovalRequest.Status;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Maker-checker (after Fineract/Mifos): an entry keyed by one person takes effect only when a
 * second person of the right group approves it. Who may approve: for a payment or a reversal, the
 * officers of the loan's district or of its province; for a bank statement and the administrative
 * budget, the province's officers. Never the maker herself, administrators included. On approval
 * the entry is checked again and applied by its {@link ApprovedAction}; if it no longer fits, the
 * approval is refused in Thai and nothing changes. Knows nothing of the engine.
 */
@Service
@Transactional
public class MakerChecker {

  public static final int MAX_REASON = 1000;

  /**
   * Applies an approved entry of one kind (checked again first); throws {@link
   * ThaiValidationException} if it no longer fits.
   */
  public interface ApprovedAction {
    /** The kinds of entry this action applies (one service may check several kinds). */
    Set<ApprovalKind> kinds();

    void apply(ApprovalRequest entry, Actor approver, LocalDate today);

    /** What an approved entry of these kinds does. */
    interface Apply {
      void apply(ApprovalRequest entry, Actor approver, LocalDate today);
    }

    static ApprovedAction of(Apply apply, ApprovalKind kind, ApprovalKind... more) {
      Set<ApprovalKind> kinds = Collections.unmodifiableSet(EnumSet.of(kind, more));
      return new ApprovedAction() {
        @Override
        public Set<ApprovalKind> kinds() {
          return kinds;
        }

        @Override
        public void apply(ApprovalRequest entry, Actor approver, LocalDate today) {
          apply.apply(entry, approver, today);
        }
      };
    }
  }

  public enum Decision {
    APPROVE,
    REJECT
  }

  private final ApprovalRepository repo;
  private final Map<ApprovalKind, ApprovedAction> actions = new EnumMap<>(ApprovalKind.class);

  public MakerChecker(ApprovalRepository repo, List<ApprovedAction> actions) {
    this.repo = repo;
    actions.forEach(a -> a.kinds().forEach(k -> this.actions.put(k, a)));
  }

  /** The groups offered the approval task of this entry. */
  public static List<String> approverGroups(ApprovalRequest entry) {
    return switch (entry.kind()) {
      case PAYMENT, REVERSAL ->
          List.of(
              Roles.districtOfficers(entry.districtCode()),
              Roles.provinceOfficers(entry.provinceCode()));
      case STATEMENT, BUDGET, DISBURSEMENT -> List.of(Roles.provinceOfficers(entry.provinceCode()));
    };
  }

  /**
   * The checker's decision on a pending entry: applied (approve) or closed (reject), or refused in
   * Thai.
   */
  public Decision decide(
      ApprovalRequest entry,
      String decisionText,
      String reasonText,
      Actor approver,
      LocalDate today) {
    if (approver == null) {
      throw new ThaiValidationException("ไม่ทราบผู้อนุมัติ: กรุณาเข้าสู่ระบบก่อนพิจารณารายการ");
    }
    if (entry.status() != Status.PENDING) {
      throw new ThaiValidationException("รายการนี้พิจารณาไปแล้ว (" + entry.status() + ")");
    }
    if (approver.userId().equals(entry.requestedBy())) {
      throw new ThaiValidationException(
          "ผู้บันทึกรายการ ("
              + entry.requestedBy()
              + ") อนุมัติรายการของตนเองไม่ได้:"
              + " "
              + entry.kind().labelTh()
              + " ต้องให้เจ้าหน้าที่อีกคนหนึ่งเป็นผู้อนุมัติ");
    }
    if (!approver.isAdmin()
        && approverGroups(entry).stream().noneMatch(approver.groups()::contains)) {
      throw new ThaiValidationException(
          "ท่านไม่มีสิทธิ์อนุมัติ" + entry.kind().labelTh() + "รายการนี้");
    }
    List<String> problems = new ArrayList<>();
    Decision decision = null;
    try {
      decision = decisionText == null ? null : Decision.valueOf(decisionText.strip());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (decision == null) {
      problems.add("กรุณาเลือกผลการพิจารณา: อนุมัติ หรือ ไม่อนุมัติ");
    }
    String reason = reasonText == null || reasonText.isBlank() ? null : reasonText.strip();
    if (decision == Decision.REJECT && reason == null) {
      problems.add("กรุณาระบุเหตุผลที่ไม่อนุมัติ");
    }
    if (reason != null && reason.length() > MAX_REASON) {
      problems.add("เหตุผลยาวเกิน " + MAX_REASON + " ตัวอักษร");
    } else if (reason != null && (reason.contains("<") || reason.contains(">"))) {
      problems.add("เหตุผลมีอักขระที่ไม่อนุญาต (< >)");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    if (decision == Decision.APPROVE) {
      ApprovedAction action = actions.get(entry.kind());
      if (action == null) {
        throw new IllegalStateException("no action applies approved " + entry.kind());
      }
      try {
        action.apply(entry, approver, today);
      } catch (ThaiValidationException e) {
        List<String> why = new ArrayList<>();
        why.add(
            "อนุมัติไม่ได้: "
                + entry.kind().labelTh()
                + "รายการนี้ไม่ผ่านการตรวจสอบอีกครั้ง จึงยังไม่มีการเปลี่ยนแปลงใด"
                + " (เลือก \"ไม่อนุมัติ\" แล้วให้ผู้บันทึกแก้ไขและส่งใหม่)");
        why.addAll(e.problems());
        throw new ThaiValidationException(why);
      }
    }
    if (!repo.decide(
        entry.id(),
        decision == Decision.APPROVE ? Status.APPROVED : Status.REJECTED,
        approver.userId(),
        reason)) {
      throw new ThaiValidationException("รายการนี้พิจารณาไปแล้ว");
    }
    return decision;
  }
}
