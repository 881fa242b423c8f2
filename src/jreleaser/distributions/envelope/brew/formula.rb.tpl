# {{jreleaserCreationStamp}}
# JReleaser's java-binary formula, plus: JAVA_HOME set to the openjdk@17 keg (keg-only, so not on
# the PATH) through an env script, the bash completion and the man pages.
class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  url "{{distributionUrl}}"
  version "{{projectVersion}}"
  sha256 "{{distributionChecksumSha256}}"
  license "{{projectLicense}}"

  {{#brewDependencies}}
  depends_on {{.}}
  {{/brewDependencies}}

  def install
    libexec.install Dir["*"]
    (bin/"{{distributionExecutableName}}").write_env_script libexec/"bin/{{distributionExecutableUnix}}",
      Language::Java.overridable_java_home_env("17")
    bash_completion.install libexec/"completion/envelope.bash" => "{{distributionExecutableName}}"
    man1.install Dir[libexec/"man/man1/*.1"]
  end

  test do
    output = shell_output("#{bin}/{{distributionExecutableName}} --version")
    assert_match "{{projectVersion}}", output
    assert_match "Twitter", shell_output("#{bin}/{{distributionExecutableName}} estimate #{libexec}/examples/twitter.yaml")
  end
end
