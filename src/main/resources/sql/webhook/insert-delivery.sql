-- One delivery of an event to one endpoint, due at once.
INSERT INTO webhook_delivery (id, endpoint, event_type, event_id, payload, attempts, next_attempt_at, created_at)
VALUES (:id, :endpoint, :eventType, :eventId, :payload, 0, :createdAt, :createdAt)
