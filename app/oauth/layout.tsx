/** The consent page sits in the same quiet frame as the sign-in pages. */
export { default } from "../(auth)/layout";
