package io.github.seckill.admin.upstream;

/** Another service refused an action (4xx) or could not be reached; the message says which and why. */
public class UpstreamRefused extends RuntimeException {

    private final int status;

    UpstreamRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The other service's HTTP status, or 503 when it did not answer. */
    public int status() {
        return status;
    }
}
