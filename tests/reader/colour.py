"""WCAG 2.x contrast from the colours a browser computes (``getComputedStyle``)."""

from __future__ import annotations

import re

RGB = tuple[float, float, float]
RGBA = tuple[float, float, float, float]

CSS_RGB = re.compile(
    r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)"
)


def parse(css: str) -> RGBA:
    """``rgb(…)``/``rgba(…)`` as Chromium serialises computed colours; anything else is an error."""
    if css.strip() == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    match = CSS_RGB.fullmatch(css.strip())
    if match is None:
        raise ValueError(f"cannot read the computed colour {css!r}")
    red, green, blue, alpha = match.groups()
    if alpha is None:
        opacity = 1.0
    elif alpha.endswith("%"):
        opacity = float(alpha[:-1]) / 100
    else:
        opacity = float(alpha)
    return (float(red), float(green), float(blue), opacity)


def over(top: RGBA, bottom: RGB) -> RGB:
    """*top* composited over the opaque *bottom* (source-over)."""
    alpha = top[3]
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top[:3], bottom, strict=True))  # type: ignore[return-value]


def effective_background(layers: list[str], canvas: RGB = (255.0, 255.0, 255.0)) -> RGB:
    """The colour behind an element: its own and its ancestors' backgrounds, innermost
    first, composited from the outermost down onto the canvas."""
    colour = canvas
    for layer in reversed(layers):
        colour = over(parse(layer), colour)
    return colour


def luminance(colour: RGB) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: RGB, background: RGB) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_contrast(text: str, layers: list[str]) -> tuple[float, RGB, RGB]:
    """Contrast ratio of computed text colour *text* against its effective background."""
    background = effective_background(layers)
    foreground = over(parse(text), background)
    return contrast(foreground, background), foreground, background


def hex_colour(colour: RGB) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in colour)
