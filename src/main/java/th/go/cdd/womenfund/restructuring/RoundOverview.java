package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.document.DocumentService;
import th.go.cdd.womenfund.document.StoredDocument;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Package;
import th.go.cdd.womenfund.security.OpenTasks;
import th.go.cdd.womenfund.security.OpenTasks.OpenTask;
import th.go.cdd.womenfund.system.NotFoundRefusal;

/**
 * What the round pages show: a province's rounds, and one round's district packages with their
 * states, deadlines and the task each is waiting on (who holds it). Read-only; the caller checks
 * who may see the province.
 */
@Service
public class RoundOverview {

  /**
   * A round in a list: its reference (as Tasklist shows it), title, dates and how many districts
   * have sent.
   */
  public record RoundLine(
      String reference,
      String provinceCode,
      String provinceName,
      String title,
      LocalDate openedOn,
      LocalDate closedOn,
      int districts,
      int sent) {}

  /** One district's package on the round page. */
  public record PackageLine(
      String districtCode,
      String districtName,
      String statusTh,
      BigDecimal total,
      LocalDate sentOn,
      LocalDate receivedOn,
      LocalDate submissionDue,
      String deadlineTh,
      boolean alert,
      String letterNo,
      LocalDate letterDate,
      List<OpenTask> tasks,
      int documents,
      String documentsPage) {}

  public record Round(
      String reference,
      String provinceCode,
      String provinceName,
      String title,
      String announcement,
      LocalDate openedOn,
      LocalDate closedOn,
      List<PackageLine> packages,
      BigDecimal sentTotal,
      int sentDistricts) {}

  private final JdbcClient jdbc;
  private final RestructuringRepository repo;
  private final AreaRepository areas;
  private final OpenTasks openTasks;
  private final DocumentService documents;

  public RoundOverview(
      JdbcClient jdbc,
      RestructuringRepository repo,
      AreaRepository areas,
      OpenTasks openTasks,
      DocumentService documents) {
    this.jdbc = jdbc;
    this.repo = repo;
    this.areas = areas;
    this.openTasks = openTasks;
    this.documents = documents;
  }

  /**
   * The rounds of these provinces (every province when {@code provinceCodes} is null), the newest
   * first.
   */
  public List<RoundLine> rounds(List<String> provinceCodes) {
    if (provinceCodes != null && provinceCodes.isEmpty()) {
      return List.of();
    }
    String where =
        provinceCodes == null
            ? ""
            : " where r.province_code in ("
                + String.join(",", Collections.nCopies(provinceCodes.size(), "?"))
                + ")";
    Map<String, String> names = areas.names();
    var query =
        jdbc.sql(
                "select r.id, r.province_code, r.title, r.opened_on, r.closed_on,"
                    + " (select count(*) from restructuring_package p where p.round_id = r.id),"
                    + " (select count(*) from restructuring_package p where p.round_id = r.id and p.status <> ?)"
                    + " from restructuring_round r"
                    + where
                    + " order by r.opened_on desc, r.id desc")
            .param(PackageStatus.PREPARING.name());
    if (provinceCodes != null) {
      for (String p : provinceCodes) {
        query = query.param(p);
      }
    }
    return query
        .query(
            (rs, n) ->
                new RoundLine(
                    RoundReference.of(rs.getString(2), rs.getLong(1)),
                    rs.getString(2),
                    names.getOrDefault(rs.getString(2), rs.getString(2)),
                    rs.getString(3),
                    rs.getDate(4).toLocalDate(),
                    date(rs, 5),
                    rs.getInt(6),
                    rs.getInt(7)))
        .list();
  }

  /** The province of the round a reference names; a refusal in Thai when there is none. */
  public String provinceOf(RoundReference ref) {
    List<String> found =
        jdbc.sql("select province_code from restructuring_round where id = ?")
            .param(ref.roundId())
            .query(String.class)
            .list();
    if (found.isEmpty() || !ref.names(found.get(0), ref.roundId())) {
      throw new NotFoundRefusal("ไม่พบรอบการปรับโครงสร้างหนี้เลขที่ " + ref);
    }
    return found.get(0);
  }

  public Round round(RoundReference ref, LocalDate today) {
    provinceOf(ref);
    RestructuringRepository.Round r = repo.round(ref.roundId());
    Date closed =
        jdbc.sql("select closed_on from restructuring_round where id = ?")
            .param(r.id())
            .query((rs, n) -> Optional.ofNullable(rs.getDate(1)))
            .single()
            .orElse(null);
    LocalDate closedOn = closed == null ? null : closed.toLocalDate();
    String reference = RoundReference.of(r.provinceCode(), r.id());
    Map<String, String> names = areas.names();
    Map<String, List<OpenTask>> tasks =
        openTasks.ofBusinessKey(reference).stream()
            .filter(t -> t.districtCode() != null)
            .collect(Collectors.groupingBy(OpenTask::districtCode));
    List<PackageLine> lines = new ArrayList<>();
    BigDecimal sentTotal = BigDecimal.ZERO.setScale(2);
    int sent = 0;
    for (Package p : repo.packagesOfRound(r.id())) {
      PackageStatus status = PackageStatus.valueOf(p.status());
      DeadlineCell cell = DeadlineCell.of(today, p.submissionDue(), p.submittedOnTime());
      String deadline = cell.text();
      boolean alert = cell.alert();
      if (p.totalAmount() != null && p.totalAmount().signum() > 0) {
        sent++;
        sentTotal = sentTotal.add(p.totalAmount());
      }
      List<StoredDocument> papers = documents.ofRecord(RestructuringProcess.PACKAGE_KEY, p.id());
      lines.add(
          new PackageLine(
              p.districtCode(),
              names.getOrDefault(p.districtCode(), p.districtCode()),
              status.labelTh(),
              p.totalAmount(),
              p.sentOn(),
              p.receivedOn(),
              p.submissionDue(),
              deadline,
              alert,
              p.letterNo(),
              p.letterDate(),
              tasks.getOrDefault(p.districtCode(), List.of()),
              papers.size(),
              papers.isEmpty()
                  ? null
                  : "/documents/instance/" + papers.get(0).processInstanceId()));
    }
    return new Round(
        reference,
        r.provinceCode(),
        names.getOrDefault(r.provinceCode(), r.provinceCode()),
        r.title(),
        r.announcement(),
        r.openedOn(),
        closedOn,
        lines,
        sentTotal,
        sent);
  }

  /**
   * Whether the round has anything for the Department's spreadsheet (a district that sent debtors).
   */
  public static boolean hasSubmission(Round r) {
    return r.packages().stream()
        .map(PackageLine::total)
        .filter(Objects::nonNull)
        .anyMatch(t -> t.signum() > 0);
  }
}
