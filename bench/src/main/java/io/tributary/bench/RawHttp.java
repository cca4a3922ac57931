package io.tributary.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A minimal HTTP/1.1 client for the measured loops, so that the load generator's own CPU does not
 * crowd out the service on a small machine: one persistent keep-alive socket per worker (blocking
 * {@link Socket}, TCP_NODELAY, used by one platform thread), requests written as one byte array with
 * the fixed part pre-encoded, responses parsed in a reusable buffer (status line, Content-Length or
 * chunked body). A connection the server closes ({@code Connection: close} or EOF) is reopened on the
 * next request and counted. Not a general client: no TLS, redirects, compression, 100-continue or
 * pipelining; requests and paths must be ASCII (bodies may be any UTF-8).
 */
final class RawHttp {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final byte[] hostHeader;

    RawHttp(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) timeout.toMillis();
        this.hostHeader = ascii("Host: " + host + ":" + port + "\r\n");
    }

    /** The headers every request carries (Host, Accept, Authorization, and Content-Type for a body), pre-encoded. */
    byte[] headers(String auth, boolean jsonBody) {
        StringBuilder sb = new StringBuilder(new String(hostHeader, StandardCharsets.ISO_8859_1));
        sb.append("Accept: application/json\r\n");
        if (auth != null) {
            sb.append("Authorization: ").append(auth).append("\r\n");
        }
        if (jsonBody) {
            sb.append("Content-Type: application/json\r\n");
        }
        return ascii(sb.toString());
    }

    /** Request line plus headers (without Content-Length) of a request with a JSON body, pre-encoded. */
    byte[] head(String method, String path, String auth) {
        byte[] h = headers(auth, true);
        byte[] line = ascii(method + " " + path + " HTTP/1.1\r\n");
        byte[] out = Arrays.copyOf(line, line.length + h.length);
        System.arraycopy(h, 0, out, line.length, h.length);
        return out;
    }

    /** A connection; it connects on first use. One thread at a time. */
    Conn open() {
        return new Conn();
    }

    private static byte[] ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80 || s.charAt(i) == '\n' && (i == 0 || s.charAt(i - 1) != '\r')) {
                throw new IllegalArgumentException("not a clean ASCII HTTP head: " + s);
            }
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ request

    /** A reusable request buffer; {@link #scratch} is a StringBuilder callers may use to compose a path or body. */
    static final class Request {
        final StringBuilder scratch = new StringBuilder(256);
        private byte[] buf = new byte[1024];
        private int len;

        /** {@code GET path} with the given pre-encoded headers. */
        Request get(CharSequence pathAndQuery, byte[] headers) {
            len = 0;
            put("GET ");
            put(pathAndQuery);
            put(" HTTP/1.1\r\n");
            put(headers);
            put("\r\n");
            return this;
        }

        /** A request with a body: {@code head} from {@link RawHttp#head}, then Content-Length and the body (UTF-8). */
        Request body(byte[] head, CharSequence body) {
            len = 0;
            put(head);
            boolean asciiOnly = true;
            for (int i = 0, n = body.length(); i < n; i++) {
                if (body.charAt(i) >= 0x80) {
                    asciiOnly = false;
                    break;
                }
            }
            if (asciiOnly) {
                put("Content-Length: ");
                putInt(body.length());
                put("\r\n\r\n");
                put(body);
            } else {
                byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
                put("Content-Length: ");
                putInt(b.length);
                put("\r\n\r\n");
                put(b);
            }
            return this;
        }

        /** The request line, for error messages. */
        String line() {
            for (int i = 0; i + 1 < len; i++) {
                if (buf[i] == '\r') {
                    return new String(buf, 0, i, StandardCharsets.US_ASCII);
                }
            }
            return new String(buf, 0, Math.min(len, 100), StandardCharsets.US_ASCII);
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        private void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        private void put(CharSequence s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    throw new IllegalArgumentException("non-ASCII character in a request line or body written as ASCII");
                }
                buf[len++] = (byte) c;
            }
        }

        private void putInt(int v) {
            ensure(11);
            if (v == 0) {
                buf[len++] = '0';
                return;
            }
            int start = len;
            while (v > 0) {
                buf[len++] = (byte) ('0' + v % 10);
                v /= 10;
            }
            for (int i = start, j = len - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }
    }

    // ------------------------------------------------------------------ response

    /** The last response of a connection; valid until its next request. */
    static final class Response {
        private int status;
        private byte[] bodyArray;
        private int bodyOff;
        private int bodyLen;

        int status() {
            return status;
        }

        int bodyLength() {
            return bodyLen;
        }

        String body() {
            return new String(bodyArray, bodyOff, bodyLen, StandardCharsets.UTF_8);
        }

        boolean bodyContains(byte[] needle) {
            return indexOf(bodyArray, bodyOff, bodyOff + bodyLen, needle) >= 0;
        }

        /**
         * Whether the top-level-looking JSON string field {@code "name": "..."} (first occurrence) ends with
         * {@code suffix}; a cheap byte search, no JSON parsing.
         */
        boolean stringFieldEndsWith(String name, String suffix) {
            byte[] key = ("\"" + name + "\"").getBytes(StandardCharsets.US_ASCII);
            int end = bodyOff + bodyLen;
            int i = indexOf(bodyArray, bodyOff, end, key);
            if (i < 0) {
                return false;
            }
            i += key.length;
            while (i < end && (bodyArray[i] == ' ' || bodyArray[i] == '\t' || bodyArray[i] == '\r' || bodyArray[i] == '\n')) {
                i++;
            }
            if (i >= end || bodyArray[i] != ':') {
                return false;
            }
            i++;
            while (i < end && (bodyArray[i] == ' ' || bodyArray[i] == '\t' || bodyArray[i] == '\r' || bodyArray[i] == '\n')) {
                i++;
            }
            if (i >= end || bodyArray[i] != '"') {
                return false;
            }
            int valueStart = ++i;
            while (i < end && bodyArray[i] != '"') {
                i += bodyArray[i] == '\\' ? 2 : 1;
            }
            if (i >= end) {
                return false;
            }
            byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
            return i - valueStart >= s.length && Arrays.equals(bodyArray, i - s.length, i, s, 0, s.length);
        }
    }

    private static int indexOf(byte[] a, int from, int to, byte[] needle) {
        int last = to - needle.length;
        byte first = needle.length == 0 ? 0 : needle[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (a[i] != first) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (a[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ------------------------------------------------------------------ connection

    /** One keep-alive connection with its buffers and counters; not thread-safe. */
    final class Conn implements Closeable {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private byte[] buf = new byte[16 * 1024];
        private int start;
        private int end;
        private byte[] chunked = new byte[0];
        private int served;
        private boolean closeAfter;
        private boolean received;
        private final Response response = new Response();

        /** Sockets opened (the first one included). */
        long opened;
        /** Responses that carried {@code Connection: close} (or had no length and ended with EOF). */
        long serverCloses;
        /** Requests sent again on a fresh socket because a reused one was found closed before any answer byte. */
        long staleRetries;
        /** Connections dropped after an I/O error or time-out. */
        long errors;

        /**
         * Writes the request and reads the whole response. A reused connection that turns out to be closed
         * before any byte of the answer arrived (the server dropped an idle keep-alive connection) is reopened
         * and the request sent once more; any other failure closes the connection and is thrown.
         */
        Response send(Request r) throws IOException {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            for (int attempt = 0; ; attempt++) {
                if (socket == null) {
                    connect();
                }
                boolean reused = served > 0;
                boolean anyByte;
                received = false;
                try {
                    out.write(r.buf, 0, r.len);
                    out.flush();
                    anyByte = read(deadline);
                } catch (IOException e) {
                    close();
                    boolean stale = reused && attempt == 0 && !(e instanceof SocketTimeoutException) && !received;
                    if (!stale) {
                        errors++;
                        throw e;
                    }
                    anyByte = false;
                }
                if (anyByte) {
                    served++;
                    if (closeAfter) {
                        serverCloses++;
                        close();
                    }
                    return response;
                }
                close();
                if (!reused || attempt > 0) {
                    errors++;
                    throw new EOFException(r.line() + ": connection closed by the server before any response");
                }
                staleRetries++;
            }
        }

        private void connect() throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.setKeepAlive(true);
                s.connect(new InetSocketAddress(host, port), Math.min(timeoutMillis, 5_000));
                s.setSoTimeout(timeoutMillis);
                in = s.getInputStream();
                out = s.getOutputStream();
            } catch (IOException e) {
                s.close();
                errors++;
                throw e;
            }
            socket = s;
            opened++;
            served = 0;
            start = 0;
            end = 0;
        }

        /** Reads one response into {@link #response}; false on EOF before its first byte. */
        private boolean read(long deadline) throws IOException {
            closeAfter = false;
            while (true) {
                // status line and headers
                int headEnd;
                while ((headEnd = headEnd(start)) < 0) {
                    if (end - start >= MAX_HEAD) {
                        throw new IOException("response head larger than " + MAX_HEAD + " bytes");
                    }
                    if (fill(deadline) < 0) {
                        if (end == start) {
                            return false;
                        }
                        throw new EOFException("connection closed in the middle of a response head");
                    }
                }
                int status = parseHead(start, headEnd);
                start = headEnd;
                if (status >= 100 && status < 200) {
                    continue; // interim response (we never ask for one)
                }
                response.status = status;
                if (status == 204 || status == 304) {
                    setBody(buf, start, 0);
                } else if (chunkedBody) {
                    readChunked(deadline);
                } else if (contentLength >= 0) {
                    readFixed(contentLength, deadline);
                } else {
                    readToEof(deadline);
                    closeAfter = true;
                }
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                return true;
            }
        }

        private long contentLength;
        private boolean chunkedBody;

        private int headEnd(int from) {
            for (int i = from; i + 3 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        /** Parses status line and the headers that matter; returns the status. */
        private int parseHead(int from, int to) throws IOException {
            contentLength = -1;
            chunkedBody = false;
            // "HTTP/1.1 200 OK"
            if (to - from < 12 || buf[from] != 'H' || buf[from + 4] != '/' || buf[from + 8] != ' ') {
                throw new IOException("malformed status line: " + new String(buf, from, Math.min(60, to - from), StandardCharsets.ISO_8859_1));
            }
            boolean http10 = buf[from + 7] == '0';
            int status = (buf[from + 9] - '0') * 100 + (buf[from + 10] - '0') * 10 + (buf[from + 11] - '0');
            if (status < 100 || status > 999) {
                throw new IOException("malformed status line");
            }
            boolean keepAlive = !http10;
            int line = from;
            while (buf[line] != '\n') {
                line++;
            }
            line++;
            while (line < to - 2) {
                int eol = line;
                while (buf[eol] != '\r') {
                    eol++;
                }
                int colon = line;
                while (colon < eol && buf[colon] != ':') {
                    colon++;
                }
                int v = colon + 1;
                while (v < eol && (buf[v] == ' ' || buf[v] == '\t')) {
                    v++;
                }
                int ve = eol;
                while (ve > v && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
                    ve--;
                }
                if (nameIs(line, colon, "content-length")) {
                    long n = 0;
                    for (int i = v; i < ve; i++) {
                        if (buf[i] < '0' || buf[i] > '9') {
                            throw new IOException("bad Content-Length");
                        }
                        n = n * 10 + (buf[i] - '0');
                    }
                    contentLength = n;
                } else if (nameIs(line, colon, "transfer-encoding")) {
                    chunkedBody = valueContains(v, ve, "chunked");
                } else if (nameIs(line, colon, "connection")) {
                    if (valueContains(v, ve, "close")) {
                        keepAlive = false;
                    } else if (valueContains(v, ve, "keep-alive")) {
                        keepAlive = true;
                    }
                }
                line = eol + 2;
            }
            closeAfter = !keepAlive;
            return status;
        }

        private boolean nameIs(int from, int to, String lowerName) {
            if (to - from != lowerName.length()) {
                return false;
            }
            for (int i = 0; i < lowerName.length(); i++) {
                int c = buf[from + i];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != lowerName.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean valueContains(int from, int to, String lowerWord) {
            outer:
            for (int i = from; i + lowerWord.length() <= to; i++) {
                for (int k = 0; k < lowerWord.length(); k++) {
                    int c = buf[i + k];
                    if (c >= 'A' && c <= 'Z') {
                        c += 'a' - 'A';
                    }
                    if (c != lowerWord.charAt(k)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private void readFixed(long length, long deadline) throws IOException {
            if (length > MAX_BODY) {
                throw new IOException("response body of " + length + " bytes is larger than " + MAX_BODY);
            }
            int n = (int) length;
            room(n);
            while (end - start < n) {
                if (fill(deadline) < 0) {
                    throw new EOFException("connection closed after " + (end - start) + " of " + n + " body bytes");
                }
            }
            setBody(buf, start, n);
            start += n;
        }

        private void readToEof(long deadline) throws IOException {
            while (fill(deadline) >= 0) {
                if (end - start > MAX_BODY) {
                    throw new IOException("response body larger than " + MAX_BODY);
                }
            }
            setBody(buf, start, end - start);
            start = end;
        }

        private void readChunked(long deadline) throws IOException {
            int len = 0;
            while (true) {
                int eol = line(deadline);
                long size = 0;
                int i = start;
                for (; i < eol; i++) {
                    int c = buf[i];
                    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0) {
                        break; // chunk extension or trailing space
                    }
                    size = size * 16 + d;
                    if (size > MAX_BODY) {
                        throw new IOException("chunk larger than " + MAX_BODY);
                    }
                }
                if (i == start) {
                    throw new IOException("malformed chunk size line");
                }
                start = eol + 2;
                if (size == 0) {
                    // trailers, up to an empty line
                    while (true) {
                        int t = line(deadline);
                        boolean empty = t == start;
                        start = t + 2;
                        if (empty) {
                            break;
                        }
                    }
                    setBody(chunked, 0, len);
                    return;
                }
                int n = (int) size;
                if (len + n > MAX_BODY) {
                    throw new IOException("response body larger than " + MAX_BODY);
                }
                if (chunked.length < len + n) {
                    chunked = Arrays.copyOf(chunked, Math.max(len + n, Math.max(4096, chunked.length * 2)));
                }
                while (n > 0) {
                    if (end == start && fill(deadline) < 0) {
                        throw new EOFException("connection closed in the middle of a chunk");
                    }
                    int take = Math.min(n, end - start);
                    System.arraycopy(buf, start, chunked, len, take);
                    len += take;
                    start += take;
                    n -= take;
                }
                int crlf = line(deadline);
                if (crlf != start) {
                    throw new IOException("chunk not followed by CRLF");
                }
                start = crlf + 2;
            }
        }

        /** Index of the next CR of a CRLF at or after {@link #start}, reading more as needed. */
        private int line(long deadline) throws IOException {
            int from = start;
            while (true) {
                for (int i = from; i + 1 < end; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        return i;
                    }
                }
                from = Math.max(start, end - 1);
                if (end - start > MAX_HEAD) {
                    throw new IOException("chunk line too long");
                }
                int before = start;
                if (fill(deadline) < 0) {
                    throw new EOFException("connection closed in the middle of a chunked body");
                }
                from -= before - start; // fill may compact the buffer
            }
        }

        /** Makes sure {@code n} bytes from {@link #start} fit in the buffer (compacting or growing it). */
        private void room(int n) {
            if (start + n <= buf.length) {
                return;
            }
            if (n <= buf.length) {
                compact();
            } else {
                byte[] bigger = new byte[Math.max(n, buf.length * 2)];
                System.arraycopy(buf, start, bigger, 0, end - start);
                end -= start;
                start = 0;
                buf = bigger;
            }
        }

        private void compact() {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
        }

        /** Reads more bytes after {@link #end}; -1 on EOF. May move the unread bytes to the front. */
        private int fill(long deadline) throws IOException {
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("response not complete within " + timeoutMillis + " ms");
            }
            if (end == buf.length) {
                if (start > 0) {
                    compact();
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            int n = in.read(buf, end, buf.length - end);
            if (n > 0) {
                end += n;
                received = true;
            }
            return n;
        }

        private void setBody(byte[] a, int off, int len) {
            response.bodyArray = a;
            response.bodyOff = off;
            response.bodyLen = len;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
            in = null;
            out = null;
            start = 0;
            end = 0;
        }
    }
}
