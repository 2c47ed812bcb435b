package th.go.cdd.womenfund.area;

/** จังหวัด, keyed by its 2-digit official code (Trat = "23"). */
public record Province(String code, String nameTh, String nameEn) {}
