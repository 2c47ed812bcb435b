package th.go.cdd.womenfund.bench;

/** The two sides of every bench: the app's process, and its bare twin of the same shape. */
public enum Flavor {
  APP,
  BARE
}
