package com.cruddur.systemtests;

import com.google.protobuf.CodedInputStream;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver for the system tests: every service exports its spans here, as it would to Honeycomb.
 * It reads the few fields the tests need from the protobuf body (service name, ids, name) by their field numbers.
 */
final class OtlpReceiver {

    /** One span as received. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {}

    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            spans.addAll(parseRequest(body));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** ExportTraceServiceRequest: 1 = resource_spans. */
    private static List<ReceivedSpan> parseRequest(byte[] body) throws IOException {
        List<ReceivedSpan> found = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(body);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == 1) {
                found.addAll(parseResourceSpans(in.readByteArray()));
            } else {
                in.skipField(tag);
            }
        }
        return found;
    }

    /** ResourceSpans: 1 = resource, 2 = scope_spans. */
    private static List<ReceivedSpan> parseResourceSpans(byte[] bytes) throws IOException {
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag >>> 3) {
                case 1 -> service = serviceName(in.readByteArray());
                case 2 -> scopes.add(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        List<ReceivedSpan> found = new ArrayList<>();
        for (byte[] scope : scopes) {
            CodedInputStream scopeIn = CodedInputStream.newInstance(scope);
            for (int tag = scopeIn.readTag(); tag != 0; tag = scopeIn.readTag()) {
                if (tag >>> 3 == 2) {
                    found.add(parseSpan(service, scopeIn.readByteArray()));
                } else {
                    scopeIn.skipField(tag);
                }
            }
        }
        return found;
    }

    /** Resource: 1 = attributes (KeyValue: 1 = key, 2 = AnyValue: 1 = string_value). */
    private static String serviceName(byte[] resource) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(resource);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 != 1) {
                in.skipField(tag);
                continue;
            }
            CodedInputStream kv = CodedInputStream.newInstance(in.readByteArray());
            String key = null;
            String value = null;
            for (int t = kv.readTag(); t != 0; t = kv.readTag()) {
                if (t >>> 3 == 1) {
                    key = kv.readString();
                } else if (t >>> 3 == 2) {
                    CodedInputStream any = CodedInputStream.newInstance(kv.readByteArray());
                    for (int a = any.readTag(); a != 0; a = any.readTag()) {
                        if (a >>> 3 == 1) {
                            value = any.readString();
                        } else {
                            any.skipField(a);
                        }
                    }
                } else {
                    kv.skipField(t);
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "";
    }

    /** Span: 1 = trace_id, 2 = span_id, 4 = parent_span_id, 5 = name. */
    private static ReceivedSpan parseSpan(String service, byte[] bytes) throws IOException {
        String trace = "";
        String span = "";
        String parent = "";
        String name = "";
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag >>> 3) {
                case 1 -> trace = HexFormat.of().formatHex(in.readByteArray());
                case 2 -> span = HexFormat.of().formatHex(in.readByteArray());
                case 4 -> parent = HexFormat.of().formatHex(in.readByteArray());
                case 5 -> name = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new ReceivedSpan(service, trace, span, parent, name);
    }
}
