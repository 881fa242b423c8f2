package dev.envelope.model;

import static dev.envelope.model.RequirementsReaderTest.at;
import static dev.envelope.model.RequirementsReaderTest.problems;
import static dev.envelope.model.RequirementsReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.model.Requirements.Assumption;
import dev.envelope.model.Requirements.Connections;
import dev.envelope.model.Requirements.Delivery;
import dev.envelope.model.Requirements.PayloadField;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A workload's connections, fan-out on write, CDN, cache flag and record payload, and the cache's working set. */
class DeliveryReaderTest {
  @Nested
  class Reading {
    @Test
    void readsEveryKey() {
      Requirements r = read("""
          users: {dau: 10M}
          workloads:
            chat:
              writes: 1K/s
              read_write_ratio: 2
              payload: {fields: {id: 8B, text: 1KB}, row_overhead: 23B}
              connections: {online_share: 10%, per_user: 1.5, per_server: 50K, memory_per_connection: 10KB,
                            heartbeat: 30s}
              fanout_on_write: {followers: 75, entry_size: 16B}
              cdn: {hit_ratio: 90%}
              cache: false
          cache: {hot_objects: 10M, object_size: 2KB}
          """);
      Delivery d = r.workloads().get(0).delivery();
      assertThat(d.connections()).contains(new Connections(OptionalDouble.of(0.1), OptionalDouble.empty(), 1.5,
          OptionalDouble.of(50_000), OptionalDouble.of(10_000), OptionalDouble.of(30)));
      assertThat(d.fanoutOnWrite().orElseThrow().followers()).isEqualTo(75);
      assertThat(d.fanoutOnWrite().orElseThrow().entrySize()).hasValue(16);
      assertThat(d.cdnHitRatio()).hasValue(0.9);
      assertThat(d.cached()).isFalse();
      assertThat(d.record().orElseThrow().fields()).containsExactly(new PayloadField("id", 8),
          new PayloadField("text", 1000));
      // The payload is the record's sum: 8 + 1,000 + 23.
      assertThat(r.workloads().get(0).payload()).hasValue(1031);
      assertThat(r.cache().hotObjects()).hasValue(10e6);
      assertThat(r.cache().objectSize()).hasValue(2000);
    }

    @Test
    void aWorkloadOfConnectionsAloneNeedsNoRate() {
      Requirements r = read("workloads: {presence: {connections: {concurrent: 1M, heartbeat: 5s}}}");
      assertThat(r.workloads().get(0).delivery().connections().orElseThrow().concurrent()).hasValue(1e6);
    }

    @Test
    void defaultsAreListedWhereTheyAreUsed() {
      Requirements r = read("""
          workloads:
            chat: {writes: 1/s, payload: {fields: {id: 8B}}, connections: {concurrent: 1M}}
          """);
      assertThat(r.assumptions()).extracting(Assumption::path)
          .contains("workloads.chat.payload.row_overhead", "workloads.chat.connections.per_user");
      assertThat(r.workloads().get(0).delivery().cached()).isTrue();
    }

    @Test
    void cacheTakesTrueOrFalseInAnyCaseAndJsonBooleans() {
      assertThat(read("workloads: {m: {reads: 1/s, cache: FALSE}}").workloads().get(0).delivery().cached()).isFalse();
      assertThat(read("{\"workloads\": {\"m\": {\"reads\": \"1/s\", \"cache\": false}}}").workloads().get(0)
          .delivery().cached()).isFalse();
      assertThat(read("workloads: {m: {reads: 1/s, cache: true}}").workloads().get(0).delivery().cached()).isTrue();
    }

    @Test
    void followersAndFieldsTakeRanges() {
      Requirements r = read("""
          workloads:
            post:
              writes: 1/s
              payload: {fields: {text: 100B to 400B}}
              fanout_on_write: {followers: 20 to 2K}
          """);
      assertThat(r.uncertainty().inputs()).extracting(Uncertain::path)
          .containsExactly("workloads.post.payload.fields.text", "workloads.post.fanout_on_write.followers");
      // Medians: sqrt(100 x 400) = 200 B, sqrt(20 x 2,000) = 200 followers.
      assertThat(r.workloads().get(0).payload().getAsDouble()).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(r.workloads().get(0).delivery().fanoutOnWrite().orElseThrow().followers())
          .isCloseTo(200, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Nested
  class Problems {
    @Test
    void connectionsNeedOnlineUsersInOneForm() {
      assertThat(problems("""
          users: {dau: 1M}
          workloads:
            a: {connections: {per_server: 50K}}
            b: {connections: {online_share: 10%, concurrent: 1M}}
          """)).containsExactly(
          at(3, 20, "workloads.a.connections",
              "no online users; expected online_share: 10% (of the daily active users, at the busiest moment) or"
                  + " concurrent: 1M"),
          at(4, 40, "workloads.b.connections.concurrent",
              "both online_share and concurrent are given; expected only one of them"));
    }

    @Test
    void anOnlineShareNeedsUsers() {
      assertThat(problems("workloads: {a: {connections: {online_share: 10%}}}")).containsExactly(
          at(1, 31, "workloads.a.connections.online_share", "a share of users needs the number of users; expected"
              + " users: {dau: 150M} in the file, or concurrent: 1M (the users online at the busiest moment)"));
    }

    @Test
    void connectionValuesAreCheckedAtTheirPlace() {
      assertThat(problems("""
          workloads:
            a: {connections: {concurrent: 1M, per_server: 0, heartbeat: 5, memory_per_connection: 10 KB/s}}
          """)).extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.path())
          .containsExactly("2:49 workloads.a.connections.per_server", "2:63 workloads.a.connections.heartbeat",
              "2:89 workloads.a.connections.memory_per_connection");
    }

    @Test
    void fanOutOnWriteNeedsFollowersAndWrites() {
      assertThat(problems("""
          workloads:
            a: {reads: 1/s, fanout_on_write: {entry_size: 16B}}
          """)).containsExactly(
          at(2, 19, "workloads.a.fanout_on_write", "fan-out on write copies the workload's writes; expected"
              + " writes_per_user: 2/day or writes: 500M/day beside it"),
          at(2, 36, "workloads.a.fanout_on_write.followers",
              "missing; expected followers: 75 (the timelines each write is copied to)"));
    }

    @Test
    void aCdnNeedsAHitRatioAndReads() {
      assertThat(problems("""
          workloads:
            a: {writes: 1/s, cdn: {}}
            b: {reads: 1/s, cdn: {hit_ratio: 150%}}
          """)).containsExactly(
          at(2, 20, "workloads.a.cdn", "a CDN serves the workload's reads; expected reads_per_user: 20/day,"
              + " reads: 5B/day or read_write_ratio: 10:1 beside it"),
          at(2, 25, "workloads.a.cdn.hit_ratio",
              "missing; expected hit_ratio: 90% (the share of reads the CDN's edge serves)"),
          at(3, 36, "workloads.b.cdn.hit_ratio", "over 100% (got '150%'); expected a percentage from 0% to 100%, or a"
              + " fraction from 0 to 1"));
    }

    @Test
    void cacheIsTrueOrFalse() {
      assertThat(problems("workloads: {a: {reads: 1/s, cache: maybe}}")).containsExactly(
          at(1, 36, "workloads.a.cache",
              "not true or false (got 'maybe'); expected false to leave the workload out of the cache, or true"));
      assertThat(problems("workloads: {a: {reads: 1/s, cache: [false]}}")).containsExactly(
          at(1, 36, "workloads.a.cache",
              "got a list; expected false to leave the workload out of the cache, or true"));
    }

    @Test
    void aRecordNeedsNamedFieldsWithSizes() {
      assertThat(problems("""
          workloads:
            a: {writes: 1/s, payload: {row_overhead: 23B}}
            b: {writes: 1/s, payload: {fields: {}}}
            c: {writes: 1/s, payload: {fields: {id: 8B, text: lots, "user id": 8B, more: [1]}, rows: 1}}
          """)).containsExactly(
          at(2, 20, "workloads.a.payload.fields", "missing; a payload written as a record needs its fields, e.g."
              + " fields: {id: 8B, user_id: 8B, text: 140B, created: 8B} (or a size such as payload: 1KB)"),
          at(3, 38, "workloads.b.payload.fields",
              "got no field; expected the record's fields, each a name and its size, e.g. {id: 8B, user_id: 8B,"
                  + " text: 140B, created: 8B}"),
          at(4, 53, "workloads.c.payload.fields.text",
              "unknown size unit 'lots' (got 'lots'); expected a size such as 204B, 1.5KB, 64GB, 2TB or 1GiB"),
          at(4, 59, "workloads.c.payload.fields.user id", "not a field name (got 'user id'); expected letters,"
              + " digits and _, starting with a letter or _, at most 64 characters, e.g. user_id"),
          at(4, 80, "workloads.c.payload.fields.more",
              "got a list; expected the field's size, such as 8B or 140B, or a range (100B to 280B)"),
          at(4, 86, "workloads.c.payload.rows",
              "unknown key; expected one of: fields, row_overhead"));
    }

    @Test
    void theWorkingSetNeedsBothItsKeys() {
      assertThat(problems("""
          workloads: {a: {reads: 1/s}}
          cache: {hot_objects: 10M}
          """)).containsExactly(at(2, 9, "cache.hot_objects",
          "hot_objects needs object_size; expected object_size: 2KB (the bytes one cached object takes) beside it"));
    }
  }
}
