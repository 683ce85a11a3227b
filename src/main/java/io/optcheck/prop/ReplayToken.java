package io.optcheck.prop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A replay token: the choice sequence of one case plus the fingerprint of the generator that
 * drew it. Text form: {@code oc1-<base64url>}. Replaying a token through a generator that now
 * draws differently fails with a clear message instead of quietly running another case.
 */
public record ReplayToken(long fingerprint, long[] raws) {

    private static final String PREFIX = "oc1-";

    /** Thrown when a token cannot be decoded or no longer matches its generator. */
    public static final class InvalidTokenException extends IllegalArgumentException {
        public InvalidTokenException(String message) {
            super(message);
        }
    }

    static ReplayToken of(ChoiceSequence seq) {
        return new ReplayToken(seq.fingerprint(), seq.raws());
    }

    /** The text form. */
    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(fingerprint);
            out.writeInt(raws.length);
            for (long r : raws) {
                writeVarLong(out, (r << 1) ^ (r >> 63));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * Parses the text form.
     *
     * @throws InvalidTokenException naming what is wrong, for anything that is not a token
     */
    public static ReplayToken decode(String text) {
        if (text == null || !text.trim().startsWith(PREFIX)) {
            throw new InvalidTokenException("not an optcheck replay token: '" + abbreviate(text)
                    + "'. A token starts with '" + PREFIX + "'; copy it whole from the failure report.");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text.trim().substring(PREFIX.length()));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            long fp = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > Source.MAX_CHOICES) {
                throw new IOException("bad length " + n);
            }
            long[] raws = new long[n];
            for (int i = 0; i < n; i++) {
                long z = readVarLong(in);
                raws[i] = (z >>> 1) ^ -(z & 1);
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return new ReplayToken(fp, raws);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("replay token '" + abbreviate(text) + "' is damaged (" + e.getMessage()
                    + "); copy it whole from the failure report.");
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayToken t && t.fingerprint == fingerprint && Arrays.equals(t.raws, raws);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint) * 31 + Arrays.hashCode(raws);
    }

    @Override
    public String toString() {
        return encode();
    }
}
