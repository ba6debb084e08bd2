package io.weathersync.adapter.jdbc;

import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.in.RestoreReport;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.Replica;
import io.weathersync.application.port.out.SlaveExport;
import io.weathersync.application.service.ReplicaExportService;
import io.weathersync.application.service.RestoreMasterService;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.RegistryEntry;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A master's store restored from a slave's replica, both in a real database: same stream, every reading with its
 * seq, same head, the registry with the slaves' credentials still valid, and a log that continues at head + 1.
 * The replica and the master's store share one database here (their tables are apart), as a MariaDB test class
 * has one database; where several slaves are needed they are in memory.
 */
abstract class MasterRestoreBehaviour {

    private static final StreamId OLD = new StreamId("the-old-stream");
    private static final SecretHasher HASHER = new SecretHasher(new SecureRandom());
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    abstract TestDatabases databases();

    /** A replica of {@code count} readings of stream OLD with corrections (so seqs have holes), and a registry. */
    private static Replica slave(Replica replica, int count, IssuedCredential credential) {
        replica.beginResync(OLD);
        List<Change> changes = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < count; i++) {
            changes.add(new Change(OLD, ++seq, reading("City " + (i % 7), i, i)));
            if (i % 5 == 0) {
                changes.add(new Change(OLD, ++seq, reading("City " + (i % 7), i, i + 0.5)));
            }
        }
        replica.apply(OLD, changes.stream().filter(c -> !superseded(c, changes)).toList(), seq);
        replica.finishResync();
        Node slaveNode = new Node(credential.nodeId(), NodeType.CHILD, "slave-1", "", "http://127.0.0.1:9", true, T);
        Node other = new Node("node-2", NodeType.CHILD, "slave-2", "never issued", "", false, T);
        replica.keepRegistry(new RegistryBackup(List.of(new RegistryEntry(slaveNode, new StoredCredential(
                credential.nodeId(), credential.apiKey(), HASHER.hash(credential.apiSecret()))),
                new RegistryEntry(other, null))));
        return replica;
    }

    /** The compacted log keeps only a reading's last change. */
    private static boolean superseded(Change change, List<Change> all) {
        return all.stream().anyMatch(other -> other.seq() > change.seq()
                && other.reading().key().equals(change.reading().key()));
    }

    private static SlaveExport export(String url, Replica replica) {
        ReplicaExportService service = new ReplicaExportService(replica);
        return new SlaveExport() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Digest digest() {
                return replica.digest();
            }

            @Override
            public ChangePage changesAfter(long after, int limit) {
                return service.export(after, limit);
            }

            @Override
            public RegistryBackup registry() {
                return service.registry();
            }
        };
    }

    @Test
    void anEmptyStoreGetsTheSlavesStreamSeqsHeadAndRegistryAndTheLogContinuesFromTheHead() {
        IssuedCredential credential = HASHER.issue("node-1");
        Database master = databases().fresh();
        Replica replica = slave(new JdbiReplica(master), 40, credential);

        RestoreReport report = new RestoreMasterService(new JdbiLogRestore(master), 7)
                .restore(List.of(export("http://slave-1", replica)), false);

        assertThat(report.stream()).isEqualTo(OLD);
        assertThat(report.head()).isEqualTo(replica.state().appliedSeq()).isEqualTo(48);
        assertThat(report.readings()).isEqualTo(40);
        assertThat(report.nodes()).isEqualTo(2);
        Digest slaveDigest = replica.digest();
        List<Change> slaveChanges = replica.export(0, 1000).changes();
        Database restarted = databases().reopen(master);
        ChangeLog log = new JdbiChangeLog(restarted);
        assertThat(log.stream()).isEqualTo(OLD);
        assertThat(log.head()).isEqualTo(48);
        assertThat(log.digest()).isEqualTo(slaveDigest);
        assertThat(log.changesAfter(0, 1000).changes()).isEqualTo(slaveChanges).hasSize(40);
        JdbiNodeRegistry registry = new JdbiNodeRegistry(restarted);
        StoredCredential stored = registry.credentialByKey(credential.apiKey()).orElseThrow();
        assertThat(HASHER.matches(credential.apiSecret(), stored.secretHash())).isTrue();
        assertThat(registry.list(Optional.empty())).extracting(Node::name)
                .containsExactlyInAnyOrder("slave-1", "slave-2");
        WeatherReading next = reading("Newtown", 0, 1);
        assertThat(log.append(List.of(next)).getFirst().seq()).isEqualTo(49);
    }

    @Test
    void theMostAdvancedSlaveIsChosenAndTheOthersAreNamed() {
        IssuedCredential credential = HASHER.issue("node-1");
        Replica behind = slave(new InMemoryReplica(), 10, credential);
        Replica ahead = slave(new InMemoryReplica(), 30, credential);

        RestoreReport report = new RestoreMasterService(new JdbiLogRestore(databases().fresh()), 100)
                .restore(List.of(export("http://behind", behind), export("http://ahead", ahead)), false);

        assertThat(report.from()).isEqualTo("http://ahead");
        assertThat(report.readings()).isEqualTo(30);
        assertThat(report.skipped()).singleElement().asString().startsWith("http://behind: less advanced");
    }

    @Test
    void aSlaveRegisteredAfterTheChosenSlavesLastCopyKeepsItsCredentialFromAnotherSlavesCopy() {
        IssuedCredential first = HASHER.issue("node-1");
        IssuedCredential later = HASHER.issue("node-3");
        Replica ahead = slave(new InMemoryReplica(), 30, first);
        Replica behind = slave(new InMemoryReplica(), 10, first);
        List<RegistryEntry> newer = new ArrayList<>(behind.registry().entries());
        newer.add(new RegistryEntry(new Node(later.nodeId(), NodeType.CHILD, "slave-3", "", "http://127.0.0.1:8", true,
                T), new StoredCredential(later.nodeId(), later.apiKey(), HASHER.hash(later.apiSecret()))));
        behind.keepRegistry(new RegistryBackup(newer));
        Database master = databases().fresh();

        RestoreReport report = new RestoreMasterService(new JdbiLogRestore(master), 100)
                .restore(List.of(export("http://ahead", ahead), export("http://behind", behind)), false);

        assertThat(report.from()).isEqualTo("http://ahead");
        assertThat(report.nodes()).isEqualTo(3);
        JdbiNodeRegistry registry = new JdbiNodeRegistry(master);
        assertThat(HASHER.matches(later.apiSecret(), registry.credentialByKey(later.apiKey()).orElseThrow()
                .secretHash())).isTrue();
        assertThat(HASHER.matches(first.apiSecret(), registry.credentialByKey(first.apiKey()).orElseThrow()
                .secretHash())).isTrue();
    }

    @Test
    void aStoreThatIsNotEmptyIsKeptUnlessReplaceIsGiven() {
        IssuedCredential credential = HASHER.issue("node-1");
        Replica replica = slave(new InMemoryReplica(), 12, credential);
        Database master = databases().fresh();
        ChangeLog fresh = new JdbiChangeLog(master);
        fresh.append(List.of(reading("Elsewhere", 0, 3)));
        Digest before = fresh.digest();
        RestoreMasterService service = new RestoreMasterService(new JdbiLogRestore(master), 5);

        assertThatThrownBy(() -> service.restore(List.of(export("http://slave-1", replica)), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty").hasMessageContaining("1 readings").hasMessageContaining("--replace");
        assertThat(new JdbiLogRestore(master).digest()).isEqualTo(before);

        service.restore(List.of(export("http://slave-1", replica)), true);
        assertThat(new JdbiChangeLog(databases().reopen(master)).digest()).isEqualTo(replica.digest());
    }

    @Test
    void noSlaveHoldingReadingsRestoresNothing() {
        Database master = databases().fresh();
        Replica empty = new JdbiReplica(master);

        assertThatThrownBy(() -> new RestoreMasterService(new JdbiLogRestore(master), 5)
                .restore(List.of(export("http://empty", empty)), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds any reading");
        assertThat(new JdbiLogRestore(master).digest().rows()).isZero();
    }
}
