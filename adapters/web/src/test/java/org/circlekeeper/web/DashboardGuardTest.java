package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.dashboard.DashboardAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the guard adds to every answer of the page, and which requests it stops before anything reads them. */
class DashboardGuardTest {

    private final DashboardGuard tls = new DashboardGuard(DashboardAddress.parse("https://page.example.org"));

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        tls.doFilter(request, response, chain);
        if (response.getStatus() == 200) {
            assertThat(chain.getRequest()).as("passed on").isNotNull();
        } else {
            assertThat(chain.getRequest()).as("stopped").isNull();
        }
        return response;
    }

    @Test
    void everyAnswerCarriesTheStrictPolicyAndHstsBehindTls() throws Exception {
        MockHttpServletResponse page = run(new MockHttpServletRequest("GET", "/dashboard/calendar"));
        assertThat(page.getHeader("Content-Security-Policy")).isEqualTo(DashboardGuard.POLICY);
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(run(new MockHttpServletRequest("GET", "/calendar/x.ics")).getHeader("Content-Security-Policy"))
                .as("not the page's").isNull();
    }

    @Test
    void aBodyOnAGetAChunkedBodyOrATooBigFormIsRefused() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/dashboard/calendar");
        get.setContent(new byte[10]);
        assertThat(run(get).getStatus()).isEqualTo(413);

        MockHttpServletRequest big = new MockHttpServletRequest("POST", "/dashboard/signout");
        big.setContent(new byte[DashboardGuard.MAX_BODY + 1]);
        assertThat(run(big).getStatus()).isEqualTo(413);

        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/dashboard/signout");
        chunked.addHeader("Transfer-Encoding", "chunked");
        assertThat(run(chunked).getStatus()).isEqualTo(413);

        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/dashboard/signout");
        form.setContent(new byte[200]);
        assertThat(run(form).getStatus()).isEqualTo(200);
    }
}
