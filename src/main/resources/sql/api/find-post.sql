-- One post, whatever its state (GET /api/v1/posts/{id}).
SELECT * FROM post WHERE id = :id
