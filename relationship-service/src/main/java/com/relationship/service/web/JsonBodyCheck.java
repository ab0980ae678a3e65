package com.relationship.service.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Before a command body is parsed: it must be UTF-8 (RFC 8259 8.1; the parser would otherwise guess
 * UTF-16 or UTF-32 from the bytes, and read invalid bytes as replacement characters in some paths) and
 * one JSON object. What fails here is a {@link BadBody}, which {@link Problems} answers as 400
 * {@code malformed-request} or {@code not-a-json-object} with the position. A UTF-8 byte order mark
 * is skipped, as RFC 8259 allows. An empty body never gets here (Spring reports it as missing).
 */
@ControllerAdvice
class JsonBodyCheck extends RequestBodyAdviceAdapter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        var declared = message.getHeaders().getContentType();
        if (declared != null && declared.getCharset() != null && !StandardCharsets.UTF_8.equals(declared.getCharset())) {
            throw unreadable(new BadBody(BadBody.Kind.NOT_UTF8, "The body is declared " + declared.getCharset()
                    + ": send JSON encoded as UTF-8 (charset=UTF-8, or no charset).", new BadBody.Position(1, 1)),
                    message);
        }
        byte[] body = message.getBody().readAllBytes(); // within the size limit: BodyLimitFilter ran first
        int start = startsWith(body, BOM) ? BOM.length : 0;
        check(body, start, message);
        InputStream rest = new ByteArrayInputStream(body, start, body.length - start);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return rest;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    private static void check(byte[] body, int start, HttpInputMessage message) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw unreadable(new BadBody(BadBody.Kind.NOT_UTF8, "The body is not valid UTF-8: send JSON encoded as UTF-8.",
                    position(body, start, firstInvalidByte(body, start))), message);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // A raw NUL is never in JSON text; it is how UTF-16 or UTF-32 looks when read as UTF-8.
            throw unreadable(new BadBody(BadBody.Kind.NOT_UTF8, "The body contains NUL bytes, so it is not UTF-8"
                    + " (UTF-16 or UTF-32?): send JSON encoded as UTF-8.", position(text, nul)), message);
        }
        int first = 0;
        while (first < text.length() && isJsonWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            throw unreadable(new BadBody(BadBody.Kind.EMPTY, "The request body is empty: send a JSON object"
                    + " as described in /v3/api-docs.", position(text, first)), message);
        }
        if (text.charAt(first) != '{') {
            throw unreadable(new BadBody(BadBody.Kind.NOT_AN_OBJECT, "The request body must be a JSON object"
                    + " ({...}), as described in /v3/api-docs.", position(text, first)), message);
        }
    }

    private static HttpMessageNotReadableException unreadable(BadBody bad, HttpInputMessage message) {
        return new HttpMessageNotReadableException(bad.getMessage(), bad, message);
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The offset of the first byte the strict decoder stops at. */
    private static int firstInvalidByte(byte[] body, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        var out = java.nio.CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** Line and column (both from 1) of byte {@code offset}, counting only what comes before it. */
    private static BadBody.Position position(byte[] body, int start, int offset) {
        String before = new String(body, start, offset - start, StandardCharsets.UTF_8);
        return position(before, before.length());
    }

    private static BadBody.Position position(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new BadBody.Position(line, column);
    }

    /** Why a body was refused before parsing, and where. */
    static final class BadBody extends RuntimeException {

        enum Kind { NOT_UTF8, EMPTY, NOT_AN_OBJECT }

        record Position(int line, int column) {
        }

        private final Kind kind;
        private final Position position;

        BadBody(Kind kind, String detail, Position position) {
            super(detail, null, false, false);
            this.kind = kind;
            this.position = position;
        }

        Kind kind() {
            return kind;
        }

        Position position() {
            return position;
        }
    }
}
