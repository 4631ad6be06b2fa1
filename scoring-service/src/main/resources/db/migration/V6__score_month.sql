-- CandidateScored v2 (README "Privacy"): every published score is as of the first day of a month, and v1's
-- timeline (birthdays, test dates) must leave the compacted topic express-entry.candidate-scores. Stored scores
-- are moved to their month and their fingerprint is invalidated, so the first daily re-score after the upgrade
-- re-publishes every stored profile as a v2 record, which replaces the candidate's last v1 record when the topic
-- is compacted. Nothing else reads these two columns.
update candidate_profile
   set score_as_of = date_trunc('month', score_as_of)::date,
       score_fingerprint = 'before-v2';
