/**
 * What an invitation form says on a server that sends no email (no SMTP set up): the link goes
 * by hand, whatever address is given. The one place these words live, wherever the form shows.
 */
export function NoEmailNote() {
  return (
    <p className="text-muted-foreground text-sm" data-testid="invite-no-email">
      No email is sent from this server: each invitation is a link you send yourself, and an address
      only limits who can use it. Copy the link once it is created.
    </p>
  );
}
