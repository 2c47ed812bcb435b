package th.go.cdd.womenfund.restructuring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.document.DocumentService;
import th.go.cdd.womenfund.document.StoredDocument;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Debtor;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Package;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The province's covering letter to the Department (หนังสือนำส่ง) for a round: the same packages as
 * the submission spreadsheet (the districts that sent debtors), and per district the papers its
 * package carries (document/), counted by kind, with the total debt to the satang. The letter
 * number and date are the ones the province recorded when it sent; blank to be filled by hand
 * before that.
 */
@Service
public class CoveringLetter {

  /** A kind of paper and how many files of it a district attached. */
  public record Paper(String name, int files) {}

  /** One district's part of the enclosures. */
  public record DistrictPart(
      String districtName, int debtors, BigDecimal total, List<Paper> papers, int files) {}

  /** The letter as printed. */
  public record Letter(
      String reference,
      String provinceName,
      String roundTitle,
      String announcement,
      String letterNo,
      String dateTh,
      List<DistrictPart> districts,
      int debtors,
      BigDecimal total,
      int files) {}

  private final RestructuringRepository repo;
  private final AreaRepository areas;
  private final DocumentService documents;

  public CoveringLetter(
      RestructuringRepository repo, AreaRepository areas, DocumentService documents) {
    this.repo = repo;
    this.areas = areas;
    this.documents = documents;
  }

  /** The letter of a round; the caller has checked who may see the round's province. */
  public Letter of(RoundReference ref, LocalDate today) {
    RestructuringRepository.Round round = repo.round(ref.roundId());
    Map<String, String> names = areas.names();
    Map<String, String> typeNames = documents.typeNames();
    List<Package> sent =
        repo.packagesOfRound(round.id()).stream()
            .filter(p -> p.totalAmount() != null && p.totalAmount().signum() > 0)
            .toList();
    List<DistrictPart> parts = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    int debtors = 0;
    int files = 0;
    for (Package p : sent) {
      List<Debtor> applying = repo.debtors(p.id()).stream().filter(Debtor::applies).toList();
      BigDecimal districtTotal =
          applying.stream()
              .map(Debtor::amount)
              .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      Map<String, Integer> byType = new LinkedHashMap<>();
      List<StoredDocument> papers = documents.ofRecord(RestructuringProcess.PACKAGE_KEY, p.id());
      for (StoredDocument d : papers) {
        byType.merge(typeNames.getOrDefault(d.documentType(), d.documentType()), 1, Integer::sum);
      }
      parts.add(
          new DistrictPart(
              names.getOrDefault(p.districtCode(), p.districtCode()),
              applying.size(),
              districtTotal,
              byType.entrySet().stream().map(e -> new Paper(e.getKey(), e.getValue())).toList(),
              papers.size()));
      total = total.add(districtTotal);
      debtors += applying.size();
      files += papers.size();
    }
    // the letter the province recorded when it sent; the latest if it sent more than once
    Package recorded =
        sent.stream()
            .filter(p -> p.letterNo() != null && !p.letterNo().isBlank())
            .max(
                Comparator.comparing(
                    Package::letterDate, Comparator.nullsFirst(Comparator.naturalOrder())))
            .orElse(null);
    LocalDate dated =
        recorded == null ? null : Objects.requireNonNullElse(recorded.letterDate(), today);
    return new Letter(
        RoundReference.of(round.provinceCode(), round.id()),
        names.getOrDefault(round.provinceCode(), round.provinceCode()),
        round.title(),
        round.announcement(),
        recorded == null ? null : recorded.letterNo(),
        dated == null ? null : ThaiDates.format(dated),
        parts,
        debtors,
        total,
        files);
  }
}
