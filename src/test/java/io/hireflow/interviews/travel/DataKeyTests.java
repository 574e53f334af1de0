package io.hireflow.interviews.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data key: a value opens only with its key and for its own record; the generated key is kept and reused. */
class DataKeyTests {

    @TempDir
    Path dir;

    @Test
    void aValueOpensOnlyWithItsKeyForItsRecordAndUntouched() {
        DataKey key = new DataKey(Base64.getEncoder().encodeToString(new byte[32]), "unused");
        UUID owner = UUID.randomUUID();
        byte[] sealed = key.encrypt("정우진\n부산은행\n110432905678", owner);
        assertThat(key.decrypt(sealed, owner)).isEqualTo("정우진\n부산은행\n110432905678");
        // two encryptions of one value differ (a fresh nonce each time)
        assertThat(key.encrypt("same", owner)).isNotEqualTo(key.encrypt("same", owner));
        assertThatThrownBy(() -> key.decrypt(sealed, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> key.decrypt(tampered, owner)).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        DataKey another = new DataKey(Base64.getEncoder().encodeToString(other), "unused");
        assertThatThrownBy(() -> another.decrypt(sealed, owner)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DataKey("c2hvcnQ=", "unused")).hasMessageContaining("32 bytes");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept() throws Exception {
        Path file = dir.resolve("data/data.key");
        DataKey first = new DataKey("", file.toString());
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        UUID owner = UUID.randomUUID();
        byte[] sealed = first.encrypt("110432905678", owner);
        assertThat(new DataKey("", file.toString()).decrypt(sealed, owner)).isEqualTo("110432905678");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
