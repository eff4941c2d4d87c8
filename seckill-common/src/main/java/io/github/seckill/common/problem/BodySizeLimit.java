package io.github.seckill.common.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses request bodies over {@link WebSettings#maxBodySize()} with 413, before authentication and
 * parsing: a declared length is checked at once, a chunked body is cut off while it is read (the
 * handler's {@link ProblemHandlerSupport} turns that into the same 413).
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long max;
    private final ObjectMapper json;

    BodySizeLimit(WebSettings settings, ObjectMapper json) {
        this.max = settings.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            Problems.write(json, request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "request bodies here are limited to " + max + " bytes"));
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    /** Thrown while reading a body without a declared length once it passes the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("request body is over " + max + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
