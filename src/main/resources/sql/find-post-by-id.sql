SELECT * FROM post WHERE id = :#${body.postId}
