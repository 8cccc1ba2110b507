package io.igpipe.ops;

import java.time.OffsetDateTime;

/**
 * One row of the {@code webhook_delivery} outbox, mapped by camel-sql ({@code outputClass}). A plain bean on
 * purpose, like {@code Post}: the row mapper fills it through setters and the routes read it in Simple expressions.
 */
public class WebhookDelivery {

    private String id;
    private String endpoint;
    private String eventType;
    private String eventId;
    private String payload;
    private int attempts;
    private OffsetDateTime nextAttemptAt;
    private String leaseOwner;
    private String leaseToken;
    private OffsetDateTime leaseUntil;
    private Integer lastStatus;
    private String lastError;
    private OffsetDateTime lastAttemptAt;
    private OffsetDateTime deliveredAt;
    private OffsetDateTime givenUpAt;
    private OffsetDateTime createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(OffsetDateTime nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public String getLeaseToken() { return leaseToken; }
    public void setLeaseToken(String leaseToken) { this.leaseToken = leaseToken; }
    public OffsetDateTime getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(OffsetDateTime leaseUntil) { this.leaseUntil = leaseUntil; }
    public Integer getLastStatus() { return lastStatus; }
    public void setLastStatus(Integer lastStatus) { this.lastStatus = lastStatus; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public OffsetDateTime getLastAttemptAt() { return lastAttemptAt; }
    public void setLastAttemptAt(OffsetDateTime lastAttemptAt) { this.lastAttemptAt = lastAttemptAt; }
    public OffsetDateTime getDeliveredAt() { return deliveredAt; }
    public void setDeliveredAt(OffsetDateTime deliveredAt) { this.deliveredAt = deliveredAt; }
    public OffsetDateTime getGivenUpAt() { return givenUpAt; }
    public void setGivenUpAt(OffsetDateTime givenUpAt) { this.givenUpAt = givenUpAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }

    @Override
    public String toString() {
        return "WebhookDelivery[" + id + ", " + eventType + " " + eventId + " to " + endpoint + "]";
    }
}
