-- Deliveries neither delivered nor given up, per endpoint (due now or waiting for a retry).
SELECT endpoint, COUNT(*) AS deliveries
  FROM webhook_delivery
 WHERE delivered_at IS NULL AND given_up_at IS NULL
 GROUP BY endpoint
