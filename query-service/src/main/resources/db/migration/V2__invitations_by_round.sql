-- The number of invitations recorded per round revision is answered with every round (invitationsRecorded),
-- so a client can tell when the read model holds all of a round's InvitationLikely events.
create index invitation_by_round on invitation (draw_number, draw_revision);
