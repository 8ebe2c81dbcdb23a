import "server-only";
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locale";

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Inter, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "12px", margin: "0 auto", maxWidth: "520px", padding: "32px" },
  heading: { color: "#18181b", fontSize: "22px", fontWeight: 600, margin: "0 0 16px" },
  text: { color: "#3f3f46", fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" },
  button: { backgroundColor: "#4f46e5", borderRadius: "8px", color: "#ffffff", display: "inline-block", fontSize: "15px", fontWeight: 600, padding: "12px 20px", textDecoration: "none" },
  footer: { color: "#71717a", fontSize: "12px", lineHeight: "18px", margin: 0 },
};

export const emailText = styles.text;

/** The frame every portal email shares: title, body, an optional action, a footer. */
export function EmailLayout(props: {
  locale: Locale;
  preview: string;
  heading: string;
  children: ReactNode;
  action?: { label: string; href: string };
  footer?: string;
}) {
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          {props.children}
          {props.action ? (
            <Section style={{ margin: "8px 0 24px" }}>
              <Button href={props.action.href} style={styles.button}>
                {props.action.label}
              </Button>
              <Text style={{ ...styles.footer, marginTop: "16px", wordBreak: "break-all" }}>{props.action.href}</Text>
            </Section>
          ) : null}
          <Hr />
          <Text style={styles.footer}>
            {props.footer ??
              (props.locale === "fr"
                ? "Si vous n'êtes pas à l'origine de cette action, sécurisez votre compte en changeant votre mot de passe."
                : "If you did not do this, secure your account by changing your password.")}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
