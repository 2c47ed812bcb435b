package th.go.cdd.womenfund.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry keyed by a maker and waiting for (or decided by) a checker, as stored in {@code
 * money_approval}. The kind-specific columns are null where they do not apply.
 */
public record ApprovalRequest(
    long id,
    ApprovalKind kind,
    Status status,
    String businessKey,
    String processInstanceId,
    String provinceCode,
    String districtCode,
    Long loanId,
    Long paymentId,
    LocalDate paidOn,
    BigDecimal amount,
    String reference,
    String note,
    String source,
    Integer fiscalYear,
    String document,
    String summary,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {

  public enum Status {
    PENDING,
    APPROVED,
    REJECTED
  }

  /** What a maker keyed, before it is stored. */
  public record New(
      ApprovalKind kind,
      String provinceCode,
      String districtCode,
      Long loanId,
      Long paymentId,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      String note,
      String source,
      Integer fiscalYear,
      String document,
      String summary,
      String requestedBy) {}
}
