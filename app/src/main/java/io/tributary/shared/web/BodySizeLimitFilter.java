package io.tributary.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size with a 413 problem before anything reads them,
 * whether the client declared the length or streams it chunked. Stock files (CSV and multipart) get
 * a larger allowance than JSON commands.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long fileLimit;

    BodySizeLimitFilter(@Value("${tributary.http.max-body-bytes:1048576}") long jsonLimit,
                        @Value("${tributary.http.max-file-bytes:33554432}") long fileLimit) {
        this.jsonLimit = jsonLimit;
        this.fileLimit = fileLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && (type.startsWith("text/csv") || type.startsWith("multipart/")) ? fileLimit : jsonLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(response, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    static void reject(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"" + Problems.TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\","
                + "\"status\":413,\"detail\":\"The request body exceeds " + limit + " bytes.\","
                + "\"errors\":[{\"field\":\"body\",\"message\":\"exceeds " + limit + " bytes\"}]}");
    }

    /** Counts bytes as they are read and fails the read once the limit is passed. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) {
                            throw new PayloadTooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > limit) {
                            throw new PayloadTooLarge(limit);
                        }
                        return n;
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
                };
            }
            return stream;
        }
    }

    /** Thrown from the stream; surfaces as a 413 through the problem handler's unreadable-body path. */
    static final class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("The request body exceeds " + limit + " bytes.");
        }
    }
}
