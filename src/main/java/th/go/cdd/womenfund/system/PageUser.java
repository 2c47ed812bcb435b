package th.go.cdd.womenfund.system;

/**
 * The signed-in person as the page header shows her. The security capability's principal implements
 * it, so that {@link ThaiPages} (shared by every capability) needs no type from security.
 */
public interface PageUser {

  String userId();

  String displayName();
}
