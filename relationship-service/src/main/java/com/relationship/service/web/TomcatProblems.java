package com.relationship.service.web;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat refuses before the request reaches Spring (a path with an encoded NUL or slash, a
 * malformed request line or header) is answered as problem+json too, instead of Tomcat's HTML page:
 * its error report valve is replaced by {@link Valve}. Errors Spring handles never get here (their
 * body is written already).
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** Writes a minimal RFC 9457 problem for an error nobody wrote a body for; never a stack trace. */
    public static class Valve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String slug = status == 400 ? "malformed-request-line"
                    : known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
            String detail = status == 400
                    ? "The server could not read the request line or a header (for example an encoded NUL, slash"
                    + " or backslash in the path, or a character a URL cannot hold): check the URL and the headers."
                    : "The server refused the request before handling it (" + status + ").";
            String title = known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":"
                            + status + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException tooLate) {
                // the client went away or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
