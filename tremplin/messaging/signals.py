"""What this app tells the rest of Tremplin (the notification centre listens, issue 16 point 5).

- `meeting_declined(sender, message, meeting, person, staff_user)`: the person used the "I can't come" link.
- `message_failed(sender, message, staff_user)`: a message could not be sent for good (bad number, bounce,
  provider refusal, retries exhausted).
"""

from django.dispatch import Signal

meeting_declined = Signal()
message_failed = Signal()
