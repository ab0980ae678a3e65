package com.relationship.security.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Secrets and keys written whole, with their final permissions from their first byte: the signing
 * keys here, and the local stack's dashboard token.
 */
public final class AtomicFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Writes through a temporary file in the same directory and moves it into place, replacing
     * {@code target}: a reader sees the old file or the new one, never half of one. The temporary
     * file is created with {@code permissions} (where the file system has POSIX permissions), so an
     * owner-only file is never readable by others, not even for an instant; and a file that was
     * there is replaced, not written in place, so whoever could open the old one cannot read the new.
     */
    public static void write(Path target, String content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path temp = posix
                ? Files.createTempFile(dir, target.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(permissions))
                : Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            if (posix) {
                Files.setPosixFilePermissions(temp, permissions); // exact, whatever the umask
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            if (!posix && permissions.equals(OWNER_ONLY)) {
                ownerOnlyWithoutPosix(temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnlyWithoutPosix(Path file) {
        var f = file.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
    }
}
