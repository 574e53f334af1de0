package io.hireflow.interviews.travel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the few financial details Hireflow keeps (a travel claim's bank details) with AES-256-GCM. The key is
 * {@code hireflow.data-key} ({@code HIREFLOW_DATA_KEY}: 32 bytes in base64), which every node of one installation
 * must share; unset, it is read from {@code hireflow.data-key-file} (by default {@code <data dir>/data.key}), which
 * is generated once, readable by its owner only, for a single node. Each value has its own random 96-bit nonce and is
 * bound to the record it belongs to (the associated data), so a ciphertext copied onto another claim does not open.
 * Stored as: a version byte, the nonce, the ciphertext with its 128-bit tag.
 */
@Component
class DataKey {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    DataKey(@Value("${hireflow.data-key:}") String configured,
            @Value("${hireflow.data-key-file:${hireflow.data-dir:./data}/data.key}") String file) {
        this.key = new SecretKeySpec(configured == null || configured.isBlank() ? fromFile(Path.of(file))
                : decode(configured.strip(), "hireflow.data-key"), "AES");
    }

    byte[] encrypt(String plain, UUID owner) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String decrypt(byte[] stored, UUID owner) {
        if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("not a ciphertext of this key's format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a wrong key or a value that was tampered with or moved: never decrypts to something else
            throw new IllegalStateException("the value does not open with this key", e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes (256 bits) in base64");
        }
        return bytes;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n",
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the file keeps its directory's permissions
                    }
                } catch (FileAlreadyExistsException another) {
                    // another start made it first: use theirs
                }
            }
            return decode(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key " + file, e);
        }
    }
}
