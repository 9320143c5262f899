/**
 * The connection, as Storybook's build lets a story lose it (.storybook/offline-guidance.ts):
 * after `loseConnection()`, the login form's import of `<sonet-error-help>` fails, as it does for
 * a member who went offline after the page loaded. Use it as a story's loader, with
 * `parameters: {ownPage: true}`: the import stays failed in that page.
 */
let connected = true;

/** True once a story lost the connection (read by the gate). */
export const offline = (): boolean => !connected;

/** A story loader: from now on the form's guidance (`<sonet-error-help>`'s module) cannot be loaded. */
export const loseConnection = async (): Promise<void> => {
  connected = false;
};
