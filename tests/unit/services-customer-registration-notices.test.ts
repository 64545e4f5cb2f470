import { noticeText } from '../../subgraphs/customer/services/registration-notices';

describe('registration notices (F10, S5)', () => {
  it('F10: a registered customer is told its login name, customer and account, and how to sign in', () => {
    expect(
      noticeText({
        kind: 'registered',
        registration: { userId: 'ada.admin', customerId: 'C-77', accountId: 'A-78' },
      }),
    ).toEqual({
      subject: 'Welcome to ssm-gateway',
      text:
        'Your login name is ada.admin (customer C-77, account A-78). Sign in with it and your ' +
        'password; sign-in codes come to this address until your phone number is verified.',
    });
  });

  it('S5: a taken login name is told to the mailbox only, naming the name and that nothing was created', () => {
    expect(noticeText({ kind: 'taken', actorId: 'ada.admin' })).toEqual({
      subject: 'Your ssm-gateway registration',
      text:
        'The login name ada.admin is not available, so no customer was created. Register again ' +
        'with another login name; if the name is already yours, sign in as usual.',
    });
  });
});
