-- An audit entry's count is stored as a bare number, so the log words it in the reader's
-- language ("12 places" / "12 tempat"); earlier entries kept it as English text.
UPDATE audit_log
SET detail = substr(detail, 1, instr(detail, ' ') - 1)
WHERE action IN ('place.import', 'person.import', 'post.ack_remind')
  AND instr(detail, ' ') > 1
  AND substr(detail, 1, instr(detail, ' ') - 1) NOT GLOB '*[^0-9]*';
