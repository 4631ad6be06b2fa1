-- CandidateScored v2 (README "Privacy"): the read model keeps no timeline. Scores projected from v1 events carried
-- one (birthdays, test dates); it is removed from every stored payload, and the projection drops it from any v1
-- record it still reads.
update candidate_score
   set payload = (payload::jsonb - 'timeline')::text
 where payload::jsonb ? 'timeline';
