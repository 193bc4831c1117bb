import { describe, expect, it } from "vitest";

// The strings Flet's Icons and CupertinoIcons send (`Icons.HOME_OUTLINED` is "home_outlined").
import { iconFace } from "../icons.ts";

describe("iconFace", () => {
  it("draws a style suffix with its font, the base name with the filled one", () => {
    expect(iconFace("home")).toEqual({ family: "filled", ligature: "home" });
    expect(iconFace("home_outlined")).toEqual({ family: "outlined", ligature: "home" });
    expect(iconFace("home_rounded")).toEqual({ family: "round", ligature: "home" });
    expect(iconFace("home_sharp")).toEqual({ family: "sharp", ligature: "home" });
  });

  it("undoes Flutter's Dart-safe names", () => {
    expect(iconFace("ten_k")!.ligature).toBe("10k");
    expect(iconFace("twenty_four_mp_outlined")!.ligature).toBe("24mp");
    expect(iconFace("eighteen_up_rating")!.ligature).toBe("18_up_rating");
    expect(iconFace("one_x_mobiledata")!.ligature).toBe("1x_mobiledata");
    expect(iconFace("six_ft_apart")!.ligature).toBe("6_ft_apart");
    expect(iconFace("threesixty")!.ligature).toBe("360");
    expect(iconFace("class_")!.ligature).toBe("class");
    expect(iconFace("copy")!.ligature).toBe("content_copy");
    expect(iconFace("two_wheeler")!.ligature).toBe("two_wheeler"); // a real name, not a number
  });

  it("accepts weft's older spellings", () => {
    expect(iconFace("Icons.DELETE")).toEqual(iconFace("delete"));
    expect(iconFace("check-circle")).toEqual({ family: "filled", ligature: "check_circle" });
    expect(iconFace("")).toBeUndefined();
  });

  it("draws Cupertino icons with the Cupertino font, pre-1.0 names as their 1.0 twins", () => {
    expect(iconFace("cupertino.heart_fill")).toEqual({ family: "cupertino", ligature: "heart_fill" });
    expect(iconFace("cupertino.left_chevron")).toEqual({ family: "cupertino", ligature: "chevron_left" });
    expect(iconFace("cupertino.bluetooth")).toEqual({ family: "filled", ligature: "bluetooth" });
  });
});
