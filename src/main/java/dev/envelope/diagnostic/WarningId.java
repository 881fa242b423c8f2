package dev.envelope.diagnostic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stable id of each kind of warning: printed after the message in brackets
 * ({@code [utilization-high]}), given as {@code warnings[].id} in JSON, and named by a file's
 * {@code lint: {accept: [...]}} to accept it. An id is a public name: add new ones, never rename.
 */
public enum WarningId {
  DAU_OVER_MAU("dau-over-mau", "users.dau is above users.mau"),
  USERS_DISAGREE("users-disagree", "mau x daily_active differs from dau by more than 10%"),
  PEAK_AT_AVERAGE("peak-at-average", "a Poisson peak is floored at the average rate"),
  PEAK_FACTOR_LOW("peak-factor-low", "a peak factor under 1"),
  PEAK_FACTOR_HIGH("peak-factor-high", "a peak factor over 20"),
  RATIO_DISAGREES("ratio-disagrees", "read_write_ratio differs from the read and write rates by more than 10%"),
  ZERO_RATES("zero-rates", "every rate of a workload is zero"),
  RATE_PER_USER_HIGH("rate-per-user-high", "over 10,000 requests a day per user"),
  PAYLOAD_LARGE("payload-large", "a payload or read size over 1 GiB per request"),
  PAYLOAD_EMPTY("payload-empty", "a payload or read size under 1 byte"),
  UTILIZATION_HIGH("utilization-high", "capacity.utilization over 90%"),
  CACHE_OVER_DATA("cache-over-data", "the cache is larger than all the data retained"),
  NODES_UNDER_COPIES("nodes-under-copies", "fewer nodes than storage.replication copies"),
  IGNORED_INPUT("ignored-input", "an input the estimate cannot use (shard limits, cache sizing, retention, read_size"
      + " without what they apply to)"),
  IGNORED_PRICE("ignored-price", "a unit price with nothing to price"),
  SINGLE_POINT_OF_FAILURE("single-point-of-failure", "an availability component with one replica"),
  ALL_REPLICAS_REQUIRED("all-replicas-required", "an availability component that needs all of its replicas"),
  FIGURE_ABSENT("figure-absent", "a figure of the file's own that its inputs leave absent"),
  NO_EFFECT("no-effect", "a --set, --vary or scenario value that changes no figure");

  private final String id;
  private final String meaning;

  WarningId(String id, String meaning) {
    this.id = id;
    this.meaning = meaning;
  }

  /** The id as printed and as a file names it: {@code utilization-high}. */
  public String id() {
    return id;
  }

  /** What the warning is about, in a few words, for the lists in the docs and the schema. */
  public String meaning() {
    return meaning;
  }

  public static Optional<WarningId> of(String id) {
    return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(WarningId::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
