package io.igpipe.graph;

/**
 * One Graph call as the {@code call-graph} route makes it: for which account, what it is (for logs, metrics and
 * error messages) and where it goes. Deliberately holds no token. A bean with getters, for the routes' Simple
 * expressions.
 */
public final class GraphCall {

    private final String account;
    private final String operation;
    private final String url;
    private final boolean tokenCheck;

    /** @param tokenCheck a call that checks the account's token, allowed while the account is paused for it */
    public GraphCall(String account, String operation, String url, boolean tokenCheck) {
        this.account = account;
        this.operation = operation;
        this.url = url;
        this.tokenCheck = tokenCheck;
    }

    public String getAccount() { return account; }
    public String getOperation() { return operation; }
    public String getUrl() { return url; }
    public boolean isTokenCheck() { return tokenCheck; }

    /** The Camel endpoint: every answer, error or not, is read by GraphResponses rather than thrown by camel-http. */
    public String getEndpointUri() {
        return url + (url.indexOf('?') < 0 ? '?' : '&') + "throwExceptionOnFailure=false";
    }
}
